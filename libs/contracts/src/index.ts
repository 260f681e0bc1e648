export * from './domain-event';
export * from './stream-names';
