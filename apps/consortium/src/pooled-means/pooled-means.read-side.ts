import { ReadSide } from '@libs/projections';
import { PooledMeansFounding1764300000101 } from './migrations/1764300000101-pooled-means-founding';
import { PooledMonthPillar1764300000103 } from './migrations/1764300000103-pooled-month-pillar';
import { PooledExactAndAdmitted1764300000104 } from './migrations/1764300000104-pooled-exact-and-admitted';
import { pooledMeansProjection } from './pooled-means.projection';

/** The pooled-means ledger (`pooled_*` tables): no entity, only raw SQL reads and writes them. */
export const POOLED_MEANS_READ_SIDE: ReadSide = {
  migrations: [
    PooledMeansFounding1764300000101,
    PooledMonthPillar1764300000103,
    PooledExactAndAdmitted1764300000104,
  ],
  projections: () => [pooledMeansProjection],
};
