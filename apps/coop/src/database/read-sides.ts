import { IDEMPOTENCY_MIGRATIONS } from '@libs/api-conventions';
import { CreateBundleSigningKey1765000000000 } from '@libs/portability';
import { ReadModels, ReadSide, readModelsOf } from '@libs/projections';
import { CONSORTIUM_READ_SIDE } from '../consortium';
import { CONTRIBUTIONS_READ_SIDE } from '../contributions';
import { MEMBERSHIP_READ_SIDE } from '../membership';
import { RESOURCES_READ_SIDE } from '../resources';
import { WEBHOOKS_READ_SIDE } from '../webhooks';

/**
 * The app's own migrations, of no context: the idempotency keys and the bundle signing key. Each
 * context's tables, from the first, are its own migrations' (`<context>/migrations/`).
 */
const APP_READ_SIDE: ReadSide<string> = {
  migrations: [...IDEMPOTENCY_MIGRATIONS, CreateBundleSigningKey1765000000000],
};

/**
 * One coop's read-model database: one read side per context, each owning its tables, migrations
 * and projections (registered from the context's module).
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
