import { QueryConfig } from 'pg';
import { ReadAllFilter } from '../event-store.port';
import { EVENT_COLUMNS } from './event-row';
import { LogPosition } from './log-position';

/**
 * One page of the global log after `after`, for readAll and subscriptions alike, with the horizon
 * the page was read under (one row with null columns when no event matched).
 *
 * Rows come in (transaction_id, global_position) order, and only from transactions below the
 * oldest one still running (`pg_snapshot_xmin`): every transaction below it has finished, and any
 * transaction that commits later has a higher id, so no row can ever appear behind a reader. The
 * page resumes with a row comparison on that same pair; resuming on the position alone would skip
 * or repeat the rows whose position order differs from their transaction order.
 */
export function globalPageQuery(
  table: string,
  after: LogPosition,
  filter: ReadAllFilter,
  limit: number,
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
    text: `WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT horizon.xmin::text AS horizon,
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
 * Whether committed events wait at or above `horizon` (held back by an older transaction still
 * running), which a caught-up subscription polls for briefly (see PollingSubscription). Asked only
 * after a short page, with the horizon as a value, so that it is one probe of the
 * (transaction_id, global_position) index; in the page query it cost a scan of the log per page.
 */
export function heldBackQuery(table: string, horizon: string): QueryConfig {
  return {
    text: `SELECT EXISTS (SELECT 1 FROM ${table} WHERE transaction_id >= $1::xid8) AS held_back`,
    values: [horizon],
  };
}
