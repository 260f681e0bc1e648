/**
 * Why a batch failed, as the runner must act on it:
 * - `deterministic`: this event cannot be applied by this view, however often it is tried (bad
 *   data, a bug in the projection, an event no upcaster can read). Retrying would stop the view
 *   for good: the event is parked and the view goes on.
 * - `transient`: the database or the network failed, not the event (a lost connection, a timeout,
 *   a serialization failure, another runner on the same checkpoint). The batch is retried as is.
 *
 * Anything not known to be deterministic is transient: parking an event wrongly leaves a view
 * partial, retrying wrongly only delays it.
 */
export type FailureKind = 'deterministic' | 'transient';

/**
 * Thrown by a projection that sees it cannot apply an event (a shape it does not know, a value
 * out of its domain): the runner parks the event instead of retrying it.
 */
export class UnapplicableEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnapplicableEventError';
  }
}

/**
 * SQLSTATE classes that a given statement with given values hits every time: data exceptions
 * (22: out of range, invalid text, division by zero…) and integrity violations (23: not null,
 * unique, check, foreign key). Classes 08 (connection), 40 (serialization, deadlock), 53
 * (resources), 55 (lock not available), 57 (cancelled, statement timeout, shutdown) and every
 * other class are transient: a schema not migrated yet (42) is fixed by the operator, not by
 * skipping events.
 */
const DETERMINISTIC_SQLSTATE_CLASSES = new Set(['22', '23']);

/** Errors a projection's own code throws on data it cannot handle. */
const DETERMINISTIC_ERROR_NAMES = new Set([
  'TypeError',
  'RangeError',
  'SyntaxError',
  'UnapplicableEventError',
  'UpcastError',
]);

export function failureKind(error: unknown): FailureKind {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') break;
    const { code, name } = cause as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return DETERMINISTIC_SQLSTATE_CLASSES.has(code.slice(0, 2)) ? 'deterministic' : 'transient';
    }
    if (typeof name === 'string' && DETERMINISTIC_ERROR_NAMES.has(name)) return 'deterministic';
    // TypeORM keeps the driver's error aside; other wrappers use the standard `cause`.
    const wrapped = cause as { driverError?: unknown; cause?: unknown };
    cause = wrapped.driverError ?? wrapped.cause;
  }
  return 'transient';
}
