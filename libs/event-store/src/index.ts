export * from './envelope';
export * from './expected-version';
export * from './errors';
export * from './event-store.port';
export * from './upcaster';
export * from './postgres';
export * from './eventstoredb';
export * from './backup';
