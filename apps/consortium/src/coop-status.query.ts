import { Query } from '@nestjs/cqrs';
import type { CoopStatus } from './registry';

/**
 * A coop's status with the consortium (null if it never applied), for the routes and commands of
 * every context that let a member coop's admin act: sent on the QueryBus, answered by the
 * registry, which the other contexts do not import for it (the registry itself imports them).
 */
export class CoopStatusQuery extends Query<CoopStatus | null> {
  constructor(readonly coopId: string) {
    super();
  }
}
