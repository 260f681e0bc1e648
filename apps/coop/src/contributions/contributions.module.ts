import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { COOP_ID } from '../coop-id';
import { ContributionsController } from './contributions.controller';
import { ContributionsService } from './contributions.service';
import { CONTRIBUTIONS_READ_SIDE } from './contributions.read-side';

@Module({
  imports: [ProjectionsModule.forFeature(CONTRIBUTIONS_READ_SIDE, COOP_ID)],
  controllers: [ContributionsController],
  providers: [ContributionsService],
})
export class ContributionsModule {}
