import { ReadSide } from '@libs/projections';
import { ConsortiumAllocationRow } from './consortium-allocation.entity';
import {
  consortiumAllocationsProjection,
  consortiumStandingProjection,
} from './consortium-decisions.projection';
import { ConsortiumStandingRow } from './consortium-standing.entity';
import { ConsortiumDecisions1765600000001 } from './migrations/1765600000001-consortium-decisions';

/** The consortium's decisions about this coop, as this app keeps them (never the consortium's tables). */
export const CONSORTIUM_READ_SIDE: ReadSide<string> = {
  entities: [ConsortiumStandingRow, ConsortiumAllocationRow],
  migrations: [ConsortiumDecisions1765600000001],
  projections: (coopId) => [
    consortiumStandingProjection(coopId),
    consortiumAllocationsProjection(coopId),
  ],
};
