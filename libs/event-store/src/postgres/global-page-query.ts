import { QueryConfig } from 'pg';
import { ReadAllFilter } from '../event-store.port';
import { EVENT_COLUMNS } from './event-row';
import { LogPosition } from './log-position';

/**
 * The server's horizon, with its snapshot: the oldest transaction still running on the whole
 * server, or the snapshot's xmax when none is. Below it every transaction that could write the
 * log has finished, and any that commits later has a higher id. Cheap (it reads the snapshot
 * only), and never too far: but a long transaction of another database of the server (another
 * application's, another tenant's) holds it back for as long as it runs, though it cannot write
 * this database's tables. See READ_HORIZON for the narrower one.
 */
export const SERVER_HORIZON = `SELECT s::text AS snapshot, pg_snapshot_xmin(s) AS xmin
  FROM pg_current_snapshot() AS s`;

/**
 * The read horizon of a statement, with its snapshot: the oldest transaction still running in
 * THIS database, or the snapshot's xmax when none is. Below it every transaction that could write
 * the log has finished, and any that commits later has a higher id. Transactions of other
 * databases of the server are left out (`pg_snapshot_xmin` counts them all): they cannot write
 * this database's tables, yet a long one elsewhere (another application's, another tenant's)
 * would hold every reader back for as long as it runs. A transaction is left out only when
 * `pg_stat_activity` shows it run by a backend of another database (a backend never changes
 * database); one it does not show (ended since, prepared, or hidden from this role) still counts.
 */
export const READ_HORIZON = `SELECT s::text AS snapshot, coalesce(
    (SELECT x FROM pg_snapshot_xip(s) AS x
      WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
        WHERE a.backend_xid = xid(x)
          AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))
      ORDER BY x LIMIT 1),
    pg_snapshot_xmax(s)) AS xmin
  FROM pg_current_snapshot() AS s`;

/**
 * One page of the global log after `after`, for readAll and subscriptions alike, with the horizon
 * the page was read under (one row with null columns when no event matched).
 *
 * Rows come in (transaction_id, global_position) order, and only from transactions below the
 * oldest one still running (`READ_HORIZON`): every transaction below it that could write the log
 * has finished, and any that commits later has a higher id, so no row can ever appear behind a
 * reader. The page resumes with a row comparison on that same pair; resuming on the position
 * alone would skip or repeat the rows whose position order differs from their transaction order.
 */
export function globalPageQuery(
  table: string,
  after: LogPosition,
  filter: ReadAllFilter,
  limit: number,
  readHorizon: string = READ_HORIZON,
): QueryConfig {
  const values: unknown[] = [after.transactionId, after.globalPosition, limit];
  const conditions = [
    '(transaction_id, global_position) > ($1::xid8, $2::bigint)',
    'transaction_id < horizon.xmin',
  ];
  const parameter = (value: unknown): string => `$${values.push(value)}`;
  if (filter.coopId !== undefined) conditions.push(`coop_id = ${parameter(filter.coopId)}::text`);
  if (filter.eventTypes !== undefined) {
    conditions.push(`type = ANY(${parameter(filter.eventTypes)}::text[])`);
  }
  if (filter.streamPrefix !== undefined) {
    conditions.push(`starts_with(stream_id, ${parameter(filter.streamPrefix)}::text)`);
  }
  // The horizon is taken once per page and returned even when no row matches: a filtered reader
  // that found nothing has still scanned everything below it, and may resume from there.
  return {
    text: `WITH horizon AS MATERIALIZED (${readHorizon})
      SELECT horizon.xmin::text AS horizon, horizon.snapshot,
        page.* FROM horizon LEFT JOIN LATERAL (
        SELECT ${EVENT_COLUMNS} FROM ${table}
        WHERE ${conditions.join(' AND ')}
        ORDER BY transaction_id, global_position
        LIMIT $3
      ) page ON true`,
    values,
  };
}

/**
 * Whether events already committed when the page was read (visible in its `snapshot`) wait at or
 * above its `horizon`, held back by an older transaction still running: a caught-up subscription
 * polls for them briefly (see PollingSubscription). Events committed since are not counted: their
 * own notification wakes the subscriber. Asked only by a subscription about to sleep after a short
 * page (a woken one reads again anyway), with the horizon as a value, so that it is one probe of
 * the (transaction_id, global_position) index over the few newest transactions; in the page
 * query it cost a scan of the log per page.
 */
export function heldBackQuery(table: string, horizon: string, snapshot: string): QueryConfig {
  return {
    text: `SELECT EXISTS (SELECT 1 FROM ${table}
      WHERE transaction_id >= $1::xid8 AND pg_visible_in_snapshot(transaction_id, $2::pg_snapshot)
    ) AS held_back`,
    values: [horizon, snapshot],
  };
}
