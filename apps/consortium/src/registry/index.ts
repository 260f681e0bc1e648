/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CoopWorkforceQueries } from './coop-workforce.queries';
export { CoopsQueries } from './coops.queries';
export type { CoopMove } from './coops.queries';
export type { CoopStatus } from './member-coop';
export { REGISTRY_READ_SIDE } from './registry.read-side';
export { RegistryModule } from './registry.module';
