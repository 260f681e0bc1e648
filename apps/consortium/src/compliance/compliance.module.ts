import { Module } from '@nestjs/common';
import { PooledMeansModule } from '../pooled-means';
import { RegistryModule } from '../registry';
import { ComplianceController } from './compliance.controller';
import { ComplianceQueries } from './compliance.queries';

@Module({
  imports: [RegistryModule, PooledMeansModule],
  controllers: [ComplianceController],
  providers: [ComplianceQueries],
  exports: [ComplianceQueries],
})
export class ComplianceModule {}
