import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { RegistryModule } from '../registry';
import { EnrolHandler } from './enrol.handler';
import { TrainingsController } from './trainings.controller';
import { TrainingsQueries } from './trainings.queries';
import { TRAININGS_READ_SIDE } from './trainings.read-side';
import { EnrolmentsHandler } from './enrolments.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(TRAININGS_READ_SIDE), RegistryModule],
  controllers: [TrainingsController],
  providers: [EnrolmentsHandler, TrainingsQueries, EnrolHandler],
  exports: [TrainingsQueries],
})
export class TrainingsModule {}
