import { Query } from '@nestjs/cqrs';
import type { ApplicationStatus } from './profile';

/**
 * The coop's own steps towards the consortium (its profile's application), for a context that
 * shows where the coop stands without importing the profile, which itself shows the consortium's
 * decisions: sent on the QueryBus, answered by the profile.
 */
export class CoopApplicationQuery extends Query<ApplicationStatus> {}
