import { Module } from '@nestjs/common';
import { ConsortiumController } from './consortium.controller';
import { ConsortiumQueries } from './consortium.queries';

/** The consortium's decisions about this coop, followed from its events. */
@Module({
  controllers: [ConsortiumController],
  providers: [ConsortiumQueries],
  exports: [ConsortiumQueries],
})
export class ConsortiumModule {}
