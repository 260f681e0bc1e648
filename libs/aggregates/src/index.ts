export * from './decider';
export * from './domain-errors';
export * from './concurrency-errors';
export * from './stream-event';
export * from './decider-aggregate';
export * from './aggregate-repository';
export * from './aggregates.module';
export * from './of-event-type';
