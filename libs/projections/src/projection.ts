import { ReadAllFilter, RecordedEvent } from '@libs/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed by the event log. The runner hands it batches of events in global order and
 * commits what `apply` wrote together with the projection's checkpoint, so each event takes
 * effect exactly once even across crashes: `apply` may have non-idempotent effects (sums, counters).
 *
 * Every method gets the EntityManager of the open transaction and must do all its database work
 * through it: awaiting another connection while the transaction is open stalls the embedded
 * database (one session) for good.
 */
export interface Projection {
  /** Unique among the projections of one read-model database; keys its checkpoint. */
  readonly name: string;
  /** Bump it whenever `apply` would build different rows from the same events: the runner rebuilds. */
  readonly version: number;
  /** Only these events reach `apply` (filtered by the store, server-side). */
  readonly filter?: ReadAllFilter;
  /** Shorthand for `filter.eventTypes`; both given = the types in both. */
  readonly eventTypes?: string[];
  /** Largest batch handed to `apply` (default: the runner's). */
  readonly batchSize?: number;

  /** Creates the projection's tables when missing (idempotent); tables made by migrations need none. */
  setup?(manager: EntityManager): Promise<void>;
  /** Empties the projection's tables, for a rebuild from the first event. */
  reset(manager: EntityManager): Promise<void>;
  /** Writes the read-model rows for one batch (never empty). */
  apply(events: RecordedEvent[], manager: EntityManager): Promise<void>;
}

/** The store-side filter a projection subscribes with. */
export function subscriptionFilter(
  projection: Pick<Projection, 'filter' | 'eventTypes'>,
): ReadAllFilter | undefined {
  const { filter, eventTypes } = projection;
  if (!eventTypes) return filter;
  const types = filter?.eventTypes
    ? eventTypes.filter((t) => filter.eventTypes!.includes(t))
    : eventTypes;
  // An empty list would read as "no type filter" to some adapters and "nothing" to others.
  if (types.length === 0)
    throw new Error('projection filter: eventTypes and filter.eventTypes have no type in common');
  return { ...filter, eventTypes: types };
}
