import { IDEMPOTENCY_MIGRATIONS } from '@libs/api-conventions';
import { CreateBundleSigningKey1765000000000 } from '@libs/portability';
import { ReadModels, ReadSide, readModelsOf } from '@libs/projections';
import { CONSORTIUM_READ_SIDE } from '../consortium';
import { CONTRIBUTIONS_READ_SIDE } from '../contributions';
import { MEMBERSHIP_READ_SIDE } from '../membership';
import { RESOURCES_READ_SIDE } from '../resources';
import { WEBHOOKS_READ_SIDE } from '../webhooks';
import { CoopReadModels1764300000001 } from './1764300000001-coop-read-models';
import { ExactMoneyColumns1764300000010 } from './1764300000010-exact-money-columns';

/**
 * The app's own migrations: the first two predate the contexts' folders and shape the tables of
 * membership, contributions and resources at once; then the idempotency keys and the signing key.
 */
const APP_READ_SIDE: ReadSide<string> = {
  migrations: [
    ...IDEMPOTENCY_MIGRATIONS,
    CoopReadModels1764300000001,
    ExactMoneyColumns1764300000010,
    CreateBundleSigningKey1765000000000,
  ],
};

/**
 * One coop's read-model database: one read side per context, each owning its tables and
 * projections (registered from the context's module).
 */
export function coopReadModels(coopId: string): ReadModels {
  return readModelsOf(
    [
      APP_READ_SIDE,
      MEMBERSHIP_READ_SIDE,
      CONTRIBUTIONS_READ_SIDE,
      RESOURCES_READ_SIDE,
      CONSORTIUM_READ_SIDE,
      WEBHOOKS_READ_SIDE,
    ],
    coopId,
  );
}
