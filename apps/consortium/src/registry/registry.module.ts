import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { PooledMeansModule } from '../pooled-means/pooled-means.module';
import { ProjectsModule } from '../projects/projects.module';
import { AdmissionController } from './admission.controller';
import { AdmissionService } from './admission.service';
import { CoopsController } from './coops.controller';
import { CoopsQueries } from './coops.queries';
import { CoopWorkforceQueries } from './coop-workforce.queries';
import { SettlementService } from './settlement.service';

@Module({
  imports: [PooledMeansModule, BudgetsModule, ProjectsModule],
  controllers: [AdmissionController, CoopsController],
  providers: [AdmissionService, SettlementService, CoopsQueries, CoopWorkforceQueries],
  exports: [CoopsQueries, CoopWorkforceQueries],
})
export class RegistryModule {}
