import { IDEMPOTENCY_MIGRATIONS } from '@libs/api-conventions';
import { CreateBundleSigningKey1765000000000 } from '@libs/portability';
import { ReadSide, readModelsOf } from '@libs/projections';
import { BOOKINGS_READ_SIDE } from '../bookings';
import { BOOKS_READ_SIDE } from '../books';
import { BUDGETS_READ_SIDE } from '../budgets';
import { CATALOGUE_READ_SIDE } from '../catalogue';
import { EXCHANGES_READ_SIDE } from '../exchanges';
import { POOLED_MEANS_READ_SIDE } from '../pooled-means';
import { PROJECTS_READ_SIDE } from '../projects';
import { REGISTRY_READ_SIDE } from '../registry';
import { REPORTS_READ_SIDE } from '../reports';
import { TRAININGS_READ_SIDE } from '../trainings';
import { WEBHOOKS_READ_SIDE } from '../webhooks';

/**
 * The app's own migrations, of no context: the idempotency keys and the bundle signing key. Each
 * context's tables, from the first, are its own migrations' (`<context>/migrations/`).
 */
const APP_READ_SIDE: ReadSide = {
  migrations: [...IDEMPOTENCY_MIGRATIONS, CreateBundleSigningKey1765000000000],
};

/**
 * The consortium's read-model database: one read side per context, each owning its tables,
 * migrations and projections (registered from the context's module).
 */
export const CONSORTIUM_READ_MODELS = readModelsOf(
  [
    APP_READ_SIDE,
    REGISTRY_READ_SIDE,
    BUDGETS_READ_SIDE,
    BOOKS_READ_SIDE,
    POOLED_MEANS_READ_SIDE,
    CATALOGUE_READ_SIDE,
    TRAININGS_READ_SIDE,
    BOOKINGS_READ_SIDE,
    EXCHANGES_READ_SIDE,
    PROJECTS_READ_SIDE,
    REPORTS_READ_SIDE,
    WEBHOOKS_READ_SIDE,
  ],
  undefined,
);
