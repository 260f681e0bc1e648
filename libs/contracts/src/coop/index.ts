export * from './vocabulary';
export * from './membership-events';
export * from './contribution-events';
export * from './resource-events';
export * from './training-events';
export * from './coop-profile-events';
export * from './schema-versions';
export * from './membership-upcasts';
