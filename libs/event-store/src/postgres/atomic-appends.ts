import { Pool, PoolClient } from 'pg';
import { assertDistinctEventIds } from '../append-guards';
import { NewEvent } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import { AppendResult, AtomicAppends } from '../event-store.port';
import { ExpectedVersion } from '../expected-version';
import { AppendedRow, appendStatement } from './append-statement';
import { eventsTable } from './store-schema';

const UNIQUE_VIOLATION = '23505';

/**
 * `appendAtomically` on PostgreSQL: one transaction on one connection, the same append function
 * as a single append, COMMIT when `write` resolves, ROLLBACK otherwise. Every event of the unit
 * shares one transaction id, so global readers see all of them at once, in append order, or none;
 * until the COMMIT they hold global readers back (README, "Global order"): keep such units to
 * imports. On the embedded database the open transaction holds the whole session, which is why
 * `write` must not read the store (or anything else on it) meanwhile.
 *
 * Inside a transaction a failed statement aborts everything, so there is no retry here: an append
 * whose expected version does not hold, or whose ids are taken, fails the unit.
 */
export async function appendAtomically<T>(
  pool: Pool,
  schema: string,
  write: (appends: AtomicAppends) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed = true;
  try {
    await client.query('BEGIN');
    const result = await write({
      appendToStream: (streamId, events, expected) =>
        appendInTransaction(client, schema, streamId, events, expected),
    });
    await client.query('COMMIT');
    failed = false;
    return result;
  } finally {
    if (failed) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function appendInTransaction(
  client: PoolClient,
  schema: string,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  assertDistinctEventIds(streamId, events);
  let rows: AppendedRow[];
  try {
    ({ rows } = await client.query<AppendedRow>(
      appendStatement(schema, streamId, events, expected),
    ));
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== UNIQUE_VIOLATION) throw error;
    if (constraint?.includes('event_id')) {
      throw new EventIdConflictError(
        streamId,
        events.map((e) => e.eventId),
      );
    }
    throw new WrongExpectedVersionError(streamId, expected, -1);
  }
  if (rows.length === 0) {
    const { rows: current } = await client.query<{ version: number }>(
      `SELECT coalesce(max(stream_version), 0) AS version FROM ${eventsTable(schema)}
       WHERE stream_id = $1`,
      [streamId],
    );
    throw new WrongExpectedVersionError(streamId, expected, current[0].version);
  }
  return {
    nextExpectedVersion: rows[rows.length - 1].appended_version,
    appended: true,
    globalPositions: rows.map((row) => Number(row.appended_position)),
  };
}
