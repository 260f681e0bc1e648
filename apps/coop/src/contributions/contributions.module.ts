import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { COOP_ID } from '../coop-id';
import { ContributionsController } from './contributions.controller';
import { ContributionsQueries } from './contributions.queries';
import { CONTRIBUTIONS_READ_SIDE } from './contributions.read-side';
import { ContributionHandler } from './contribution.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(CONTRIBUTIONS_READ_SIDE, COOP_ID)],
  controllers: [ContributionsController],
  providers: [ContributionHandler, ContributionsQueries],
})
export class ContributionsModule {}
