import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BudgetsModule } from '../budgets';
import { PooledMeansModule } from '../pooled-means';
import { ProjectsModule } from '../projects';
import { AdmissionController } from './admission.controller';
import { AdmissionService } from './admission.service';
import { AdmittedCoops } from './admitted-coops';
import { CoopsController } from './coops.controller';
import { CoopsQueries } from './coops.queries';
import { CoopWorkforceQueries } from './coop-workforce.queries';
import { SettlementService } from './settlement.service';
import { REGISTRY_READ_SIDE } from './registry.read-side';
import { RegistryHandler } from './registry.command-handler';

@Module({
  imports: [
    ProjectionsModule.forFeature(REGISTRY_READ_SIDE),
    PooledMeansModule,
    BudgetsModule,
    ProjectsModule,
  ],
  controllers: [AdmissionController, CoopsController],
  providers: [
    RegistryHandler,
    AdmissionService,
    SettlementService,
    CoopsQueries,
    CoopWorkforceQueries,
    AdmittedCoops,
  ],
  exports: [CoopsQueries, CoopWorkforceQueries, AdmittedCoops],
})
export class RegistryModule {}
