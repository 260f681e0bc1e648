import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { DATABASE_URL } from '../support/apps';
import { ConsortiumUnderTest, daysAgo } from './consortium-app';

/**
 * Everything the consortium shows, read two ways, so that two consortium apps on the same store
 * (one that lived through crashes, one rebuilt from scratch) can be compared whole.
 */

/** The body of every read of the consortium API, by path; any answer but 200 fails. */
export async function everyView(
  consortium: ConsortiumUnderTest,
  periodId: string,
): Promise<Record<string, unknown>> {
  const board = consortium.board();
  const read = async (path: string) => {
    const response = await board('GET', path);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return response.body;
  };
  const coops = (await read('/coops?limit=500')) as { items: { coopId: string }[] };
  const paths = [
    ...coops.items.map((coop) => `/coops/${coop.coopId}`),
    '/pooled-means',
    `/pooled-means?asOf=${daysAgo(1)}`,
    '/resources?limit=500',
    `/budgets/${periodId}`,
    '/compliance',
  ];
  const views: Record<string, unknown> = { '/coops?limit=500': coops };
  for (const path of paths) views[path] = await read(path);
  return views;
}

/** Tables an app writes itself (not its projections): they need not match a rebuild. */
// The app's own tables that no event fills: its bundle-signing key is made at first start; its
// webhooks are made through its API, and their deliveries go as the dispatcher sends them.
const NOT_PROJECTED = [
  'migrations',
  'idempotency_keys',
  'typeorm_metadata',
  'bundle_signing_key',
  'webhook_subscriptions',
  'webhook_deliveries',
  'webhook_attempts',
];

/**
 * Every projected table of a read-model schema, as sorted JSON rows. Two exceptions: the
 * checkpoints without their timestamps, and the pooled-means ledger summed per day and key (its
 * lines depend on how events fell into batches; only their sums mean anything).
 */
export async function readModelRows(schema: string): Promise<Record<string, string[]>> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($2))
        ORDER BY table_name`,
      [schema, NOT_PROJECTED],
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const table = `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
      const { rows } = await client.query<{ row: unknown }>(rowsQuery(name, table));
      result[name] = rows.map(({ row }) => JSON.stringify(row)).sort();
    }
    return result;
  } finally {
    await client.end();
  }
}

function rowsQuery(name: string, table: string): string {
  if (name === 'projection_checkpoints') {
    return `SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t`;
  }
  if (name === 'pooled_movements') {
    return `SELECT jsonb_build_object(
              'recordedOn', recorded_on, 'unit', unit, 'pillar', pillar, 'kind', kind,
              'theme', theme, 'coopId', coop_id, 'month', month, 'monthPillar', month_pillar,
              'pledged', sum(pledged)::text, 'paid', sum(paid)::text) AS row
              FROM ${table}
             GROUP BY recorded_on, unit, pillar, kind, theme, coop_id, month, month_pillar
            HAVING sum(pledged) <> 0 OR sum(paid) <> 0`;
  }
  return `SELECT to_jsonb(t) AS row FROM ${table} t`;
}
