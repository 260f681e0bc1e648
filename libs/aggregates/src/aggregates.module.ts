import { Module } from '@nestjs/common';
import { AggregateRepository } from './aggregate-repository';

/**
 * Gives a bounded context the AggregateRepository. Needs, from the app: `CqrsModule.forRoot()`
 * (the EventPublisher) and a global `EVENT_STORE` (EventStoreModule.forRoot()).
 */
@Module({ providers: [AggregateRepository], exports: [AggregateRepository] })
export class AggregatesModule {}
