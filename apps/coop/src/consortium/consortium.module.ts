import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { COOP_ID } from '../coop-id';
import { ConsortiumController } from './consortium.controller';
import { ConsortiumQueries } from './consortium.queries';
import { CONSORTIUM_READ_SIDE } from './consortium.read-side';

/** The consortium's decisions about this coop, followed from its events. */
@Module({
  imports: [ProjectionsModule.forFeature(CONSORTIUM_READ_SIDE, COOP_ID)],
  controllers: [ConsortiumController],
  providers: [ConsortiumQueries],
  exports: [ConsortiumQueries],
})
export class ConsortiumModule {}
