import { IdempotencyKeysPerCaller1764300000200 } from './idempotency-keys-per-caller.migration';
import { CreateIdempotencyKeys1764300000000 } from './idempotency-keys.migration';

/** The idempotency table's migrations, in order: include them all in an app's migrations. */
export const IDEMPOTENCY_MIGRATIONS = [
  CreateIdempotencyKeys1764300000000,
  IdempotencyKeysPerCaller1764300000200,
];
