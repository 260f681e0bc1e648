import { CONSORTIUM_STREAM_PREFIX, ConsortiumEvent } from '@libs/contracts';
import { Projection, rowProjection } from '@libs/projections';
import { ConsortiumAllocationRow } from './consortium-allocation.entity';
import {
  ALLOCATION_EVENT_TYPES,
  AllocationEvent,
  evolveAllocation,
  evolveStanding,
  STANDING_EVENT_TYPES,
  StandingEvent,
} from './consortium-decisions';
import { ConsortiumStandingRow } from './consortium-standing.entity';

/**
 * The consortium's events about this coop: the consortium stamps each event about a coop with
 * its id, so the store hands this app those events and no other coop's (coop_id is indexed).
 */
const aboutThisCoop = (coopId: string) => ({ coopId, streamPrefix: CONSORTIUM_STREAM_PREFIX });

/** Where the coop stands with the consortium: admitted, settled on leaving. */
export function consortiumStandingProjection(coopId: string): Projection {
  return rowProjection<ConsortiumStandingRow>({
    name: 'consortium-standing',
    version: 1,
    filter: aboutThisCoop(coopId),
    eventTypes: STANDING_EVENT_TYPES,
    entity: ConsortiumStandingRow,
    key: (event) => ((event.data as { coopId: string }).coopId === coopId ? coopId : null),
    evolve: (row, event) => evolveStanding(row, event as unknown as StandingEvent),
  });
}

/** The allocations of pooled money to the coop, their outcome and what was paid on them. */
export function consortiumAllocationsProjection(coopId: string): Projection {
  return rowProjection<ConsortiumAllocationRow>({
    name: 'consortium-allocations',
    version: 1,
    filter: aboutThisCoop(coopId),
    eventTypes: ALLOCATION_EVENT_TYPES,
    entity: ConsortiumAllocationRow,
    key: (event) => (event.data as { allocationId: string }).allocationId,
    evolve: (row, event) =>
      evolveAllocation(
        row,
        event as unknown as AllocationEvent & ConsortiumEvent,
        coopId,
        event.globalPosition,
      ),
  });
}
