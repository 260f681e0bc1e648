export * from './registry-events';
export * from './budget-events';
export * from './pooling-events';
export * from './report-events';
export * from './schema-versions';
