export * from './domain-event';
export * from './stream-names';
export * from './quantity';
export * from './coop';
export * from './consortium';
export type { Shape } from './payload-schema';
export * from './event-contracts';
export * from './contract-upcasters';
