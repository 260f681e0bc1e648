export * from './registry-events';
export * from './budget-events';
export * from './pooling-events';
export * from './schema-versions';
export * from './incubation-events';
