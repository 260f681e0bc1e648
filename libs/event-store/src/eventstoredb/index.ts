export { EventStoreDBEventStore } from './eventstoredb-event-store';
export type { EventStoreDBEventStoreOptions } from './eventstoredb-event-store';
