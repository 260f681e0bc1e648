import { Module } from '@nestjs/common';
import { PooledMeansModule } from '../pooled-means/pooled-means.module';
import { AdmissionController } from './admission.controller';
import { AdmissionService } from './admission.service';
import { CoopsController } from './coops.controller';
import { CoopsQueries } from './coops.queries';

@Module({
  imports: [PooledMeansModule],
  controllers: [AdmissionController, CoopsController],
  providers: [AdmissionService, CoopsQueries],
  exports: [CoopsQueries],
})
export class RegistryModule {}
