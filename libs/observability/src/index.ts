export * from './correlation-id';
export * from './log-format';
export * from './metrics-access';
export * from './observability.module';
export * from './observe-http';
export * from './tracing';
