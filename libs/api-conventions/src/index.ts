export * from './calendar';
export * from './quantity.dto';
export * from './page';
export * from './idempotency/idempotency.hooks';
export * from './idempotency/idempotency-keys.migration';
export * from './idempotency/stored-answers';
export * from './command-meta';
export * from './resource.view';
