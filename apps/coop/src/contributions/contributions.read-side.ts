import { ReadSide } from '@libs/projections';
import { ContributionRow } from './contribution.entity';
import { contributionsProjection } from './contributions.projection';
import { ContributionsFounding1764300000001 } from './migrations/1764300000001-contributions-founding';
import { ContributionsExactMoney1764300000010 } from './migrations/1764300000010-contributions-exact-money';

/** `contributions`: the coop's contributions to the pooled fund. */
export const CONTRIBUTIONS_READ_SIDE: ReadSide<string> = {
  entities: [ContributionRow],
  migrations: [ContributionsFounding1764300000001, ContributionsExactMoney1764300000010],
  projections: (coopId) => [contributionsProjection(coopId)],
};
