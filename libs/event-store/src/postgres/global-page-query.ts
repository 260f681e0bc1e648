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
  // held_back: committed rows at or above the horizon (rows of transactions still running are not
  // visible here), which a subscription waits for by polling briefly (see PollingSubscription).
  return {
    // Both are computed once per page: in the select list, held_back would be a subplan run for
    // every row of the page. The horizon comes in as a value (an init plan), so the check is one
    // probe of the (transaction_id, global_position) index, never a scan of the log.
    text: `WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
      held AS MATERIALIZED (
        SELECT EXISTS (
          SELECT 1 FROM ${table} WHERE transaction_id >= (SELECT xmin FROM horizon)
        ) AS held_back
      )
      SELECT horizon.xmin::text AS horizon, held.held_back,
        page.* FROM horizon CROSS JOIN held LEFT JOIN LATERAL (
        SELECT ${EVENT_COLUMNS} FROM ${table}
        WHERE ${conditions.join(' AND ')}
        ORDER BY transaction_id, global_position
        LIMIT $3
      ) page ON true`,
    values,
  };
}
