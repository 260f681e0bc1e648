export * from './projection';
export * from './row-fold';
export * from './row-projection';
export * from './checkpoint-store';
export * from './projection-status';
export * from './retry-delay';
export * from './projection-runner';
export * from './projections.module';
