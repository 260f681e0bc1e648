export * from './registry-events';
export * from './budget-events';
export * from './pooling-events';
export * from './report-events';
export * from './schema-versions';
export * from './books-events';
export * from './incubation-events';
export * from './incubation-figures';
