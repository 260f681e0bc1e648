import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { EnrolHandler } from './enrol.handler';
import { TrainingsController } from './trainings.controller';
import { TrainingsQueries } from './trainings.queries';

@Module({
  imports: [RegistryModule],
  controllers: [TrainingsController],
  providers: [TrainingsQueries, EnrolHandler],
  exports: [TrainingsQueries],
})
export class TrainingsModule {}
