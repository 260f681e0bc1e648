import { ReadSide } from '@libs/projections';
import { ContributionRow } from './contribution.entity';
import { contributionsProjection } from './contributions.projection';

/** `contributions` (created with the coop's first tables in `database/`). */
export const CONTRIBUTIONS_READ_SIDE: ReadSide<string> = {
  entities: [ContributionRow],
  projections: (coopId) => [contributionsProjection(coopId)],
};
