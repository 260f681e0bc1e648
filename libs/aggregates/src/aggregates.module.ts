import { Module } from '@nestjs/common';
import { AggregateRepository } from './aggregate-repository';

/**
 * Gives the aggregates' command handlers the AggregateRepository. Needs, from the app: a global
 * `EVENT_STORE` (EventStoreModule.forRoot()) and a global `COMMAND_SCOPE`.
 */
@Module({ providers: [AggregateRepository], exports: [AggregateRepository] })
export class AggregatesModule {}
