import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BudgetsModule } from '../budgets';
import { PooledMeansModule } from '../pooled-means';
import { ProjectsModule } from '../projects';
import { AdmissionController } from './admission.controller';
import { AdmissionService } from './admission.service';
import { CoopsController } from './coops.controller';
import { CoopsQueries } from './coops.queries';
import { CoopWorkforceQueries } from './coop-workforce.queries';
import { SettlementService } from './settlement.service';
import { REGISTRY_READ_SIDE } from './registry.read-side';
import { RegistryHandler } from './registry.command-handler';
import { CoopStatusHandler } from './coop-status.query-handler';

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
    CoopStatusHandler,
    AdmissionService,
    SettlementService,
    CoopsQueries,
    CoopWorkforceQueries,
  ],
  exports: [CoopsQueries, CoopWorkforceQueries],
})
export class RegistryModule {}
