export * from './domain-event';
export * from './stream-names';
export * from './quantity';
export * from './coop';
export * from './consortium';
