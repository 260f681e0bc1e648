export * from './embedded-postgres';
export * from './database-url';
export * from './data-source';
export * from './bigint-transformer';
export * from './qualified-table';
export * from './migration-has-run';
export * from './numeric-hundredths';
export { keptPassword } from './password-door';
