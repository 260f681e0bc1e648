/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CONSORTIUM_STATUSES, consortiumStatus } from './consortium-status';
export type { ConsortiumStatus } from './consortium-status';
export { ConsortiumQueries } from './consortium.queries';
export { CONSORTIUM_READ_SIDE } from './consortium.read-side';
export { ConsortiumModule } from './consortium.module';
