// `npm run bench:projections`: how fast the consortium rebuilds its pooled means from a long
// history, against how fast the same events can be read at all. On DATABASE_URL when set (a real
// server), else on an embedded PGlite started in this process. Fresh schemas, dropped at the end.
//
// A year of a federation (BENCH_CONTRIBUTIONS contributions, default 1,000,000, plus the pledges
// paid later, profiles, applications and members) is bulk-loaded into the events table, then:
//   raw SQL read      keyset pages of the projection's events, ORDER BY transaction_id,
//                     global_position: the floor no reader of this table can go under;
//   store.readAll     the same events through PostgresEventStore (visibility horizon, envelopes);
//   no-op rebuild     ProjectionRunner.rebuild of a projection that writes nothing: the runner's
//                     own cost (subscription, one transaction and checkpoint per batch, waits);
//   pooled means      ProjectionRunner.rebuild of the consortium's pooled-means projection;
// each rebuild twice in one runner (the first is what an operator's rebuild costs), then what
// a new runner's first wait reads on its own. The rebuilt ledger is checked against totals
// computed by SQL from the events.
import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { Pool } from 'pg';
import { createDataSource, quoteIdentifier, startEmbeddedPostgres } from '@libs/database';
import { EVENT_COLUMNS } from '@libs/event-store/postgres/event-row';
import { PostgresEventStore, START } from '@libs/event-store';
import { Projection, ProjectionRunner } from '@libs/projections';
import { ReadableLog } from '../libs/projections/src/readable-log';
import { CONSORTIUM_READ_MODELS } from '../apps/consortium/src';
import { pooledMeansProjection } from '../apps/consortium/src/pooled-means/pooled-means.projection';
import { HistoryShape, loadHistory } from './support/contribution-history';
import { withPeakRss } from './support/peak-rss';

const SHAPE: HistoryShape = {
  coops: 40,
  membersPerCoop: 25,
  contributions: Number(process.env.BENCH_CONTRIBUTIONS ?? 1_000_000),
  chunk: 100_000,
};
const EVENT_TYPES = pooledMeansProjection.eventTypes!;
const PAGE = pooledMeansProjection.batchSize ?? 5_000;

/** The runner's bare cost: the pooled means' subscription and batches, writing nothing. */
const noOpProjection: Projection = {
  name: 'no_op',
  version: 1,
  eventTypes: EVENT_TYPES,
  batchSize: PAGE,
  reset: async () => undefined,
  apply: async () => undefined,
};

interface Figure {
  phase: string;
  events: number;
  seconds: number;
  peakRss: number;
}

const quiet: LoggerService = {
  log: () => undefined,
  warn: (message) => console.error(message),
  error: (message) => console.error(message),
};

async function measure(phase: string, run: () => Promise<number>): Promise<Figure> {
  const started = process.hrtime.bigint();
  const { result: events, peakRss } = await withPeakRss(run);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.error(`  ${phase}: ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s`);
  return { phase, events, seconds, peakRss };
}

/** Plain SQL: the projection's events in the log's order, a page at a time, rows parsed by pg. */
async function rawRead(pool: Pool, events: string, maxPages = Infinity): Promise<number> {
  let after = { transactionId: '0', globalPosition: '0' };
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND type = ANY($3::text[])
        ORDER BY transaction_id, global_position LIMIT $4`,
      [after.transactionId, after.globalPosition, EVENT_TYPES, PAGE],
    );
    count += rows.length;
    if (rows.length < PAGE || --maxPages === 0) return count;
    const last = rows[rows.length - 1];
    after = { transactionId: last.transaction_id, globalPosition: last.global_position };
  }
}

/** Totals per unit as SQL computes them from the events, and as the rebuilt ledger holds them. */
async function checkLedger(pool: Pool, events: string, readModels: string): Promise<string> {
  const expected = await pool.query<{ unit: string; pledged: string; paid: string }>(
    `WITH recorded AS (
       SELECT data->>'contributionId' AS id, data->'quantity'->>'unit' AS unit,
              (data->'quantity'->>'hundredths')::bigint AS hundredths, data->>'status' AS status
         FROM ${events} WHERE type = 'ContributionRecorded'),
     paid AS (SELECT DISTINCT data->>'contributionId' AS id FROM ${events} WHERE type = 'PledgePaid')
     SELECT unit,
            coalesce(sum(hundredths) FILTER (WHERE status = 'pledged' AND paid.id IS NULL), 0)::text AS pledged,
            coalesce(sum(hundredths) FILTER (WHERE status = 'paid' OR paid.id IS NOT NULL), 0)::text AS paid
       FROM recorded LEFT JOIN paid USING (id) GROUP BY unit ORDER BY unit`,
  );
  const rebuilt = await pool.query<{ unit: string; pledged: string; paid: string }>(
    `SELECT unit, sum(pledged)::text AS pledged, sum(paid)::text AS paid
       FROM ${quoteIdentifier(readModels)}.pooled_movements WHERE month IS NOT NULL
      GROUP BY unit ORDER BY unit`,
  );
  const text = (rows: { unit: string; pledged: string; paid: string }[]) =>
    rows.map((r) => `${r.unit} pledged ${r.pledged} paid ${r.paid}`).join(', ');
  if (text(expected.rows) !== text(rebuilt.rows)) {
    throw new Error(
      `the rebuilt ledger is wrong:\n  expected ${text(expected.rows)}\n  rebuilt  ${text(rebuilt.rows)}`,
    );
  }
  return text(rebuilt.rows);
}

async function bench(url: string): Promise<void> {
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  const storeSchema = `bench_projections_${id}`;
  const readModels = `${storeSchema}_rm`;
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = new PostgresEventStore({ pool, schema: storeSchema });
  const events = `${quoteIdentifier(storeSchema)}.events`;
  const dataSource = createDataSource({
    url,
    schema: readModels,
    entities: CONSORTIUM_READ_MODELS.entities,
    migrations: CONSORTIUM_READ_MODELS.migrations,
  });
  try {
    console.log(await describeServer(pool));
    await store.init();
    const load = await measure('bulk load', () => loadHistory(pool, events, SHAPE));
    const { rows } = await pool.query<{ matching: number; size: string }>(
      `SELECT count(*) FILTER (WHERE type = ANY($1::text[]))::int AS matching,
              pg_size_pretty(pg_total_relation_size('${events}')) AS size FROM ${events}`,
      [EVENT_TYPES],
    );
    console.log(
      `${load.events.toLocaleString('en')} events loaded in ${load.seconds.toFixed(0)} s (${rows[0].size} with indexes); ` +
        `${rows[0].matching.toLocaleString('en')} are the pooled means' (${EVENT_TYPES.join(', ')}); batches of ${PAGE.toLocaleString('en')}`,
    );

    await dataSource.initialize();
    // Each projection gets a runner of its own, as an operator's `projections rebuild` starts one,
    // and rebuilds twice: the second time, the runner's first wait is paid (see the last row).
    const rebuildTwice = async (projection: Projection, label: string) => {
      const runner = new ProjectionRunner({
        store,
        dataSource,
        projections: [projection],
        logger: quiet,
      });
      const rebuild = async () => {
        await runner.rebuild(projection.name);
        return rows[0].matching;
      };
      return [
        await measure(`${label} rebuild, new runner`, rebuild),
        await measure(`${label} rebuild, same runner again`, rebuild),
      ];
    };
    // Unmeasured: compiles the code paths, fills the caches with the head of the log.
    await rawRead(pool, events, 20);
    const figures = [
      await measure('raw SQL read', () => rawRead(pool, events)),
      await measure('store.readAll', async () => {
        let count = 0;
        const filter = { eventTypes: EVENT_TYPES };
        for await (const _ of store.readAll(START, { filter, pageSize: PAGE })) count++;
        return count;
      }),
      ...(await rebuildTwice(noOpProjection, 'no-op projection')),
      ...(await rebuildTwice(pooledMeansProjection, 'pooled means')),
      // What a new runner's first wait reads (readable-log.ts): the whole log, every type.
      await measure('readable-log scan alone', async () => {
        await new ReadableLog(store).reaches(await store.headPosition());
        return load.events;
      }),
      // The machine may be busy with other work: the baseline is the faster of two passes.
      await measure('raw SQL read, again at the end', () => rawRead(pool, events)),
    ];
    const { rows: ledger } = await pool.query<{ lines: number }>(
      `SELECT count(*)::int AS lines FROM ${quoteIdentifier(readModels)}.pooled_movements`,
    );
    console.log(
      `rebuilt ledger: ${ledger[0].lines.toLocaleString('en')} lines; totals match the events (${await checkLedger(pool, events, readModels)})`,
    );
    printTable(figures);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(readModels)} CASCADE`);
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(storeSchema)} CASCADE`);
    await pool.end();
  }
}

async function describeServer(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ version: string; buffers: string }>(
    `SELECT split_part(version(), ' ', 2) AS version, current_setting('shared_buffers') AS buffers`,
  );
  const where = process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PGlite in this process';
  return `${where}: PostgreSQL ${rows[0].version}, shared_buffers ${rows[0].buffers}`;
}

function printTable(figures: Figure[]): void {
  const rate = (f: Figure) => f.events / f.seconds;
  const raw = figures
    .filter((f) => f.phase.startsWith('raw SQL read'))
    .reduce((a, b) => (rate(a) >= rate(b) ? a : b));
  const header = ['phase', 'events', 'seconds', 'events/s', 'vs faster raw read', 'peak RSS'];
  const rows = figures.map((f) => [
    f.phase,
    f.events.toLocaleString('en'),
    f.seconds.toFixed(1),
    Math.round(rate(f)).toLocaleString('en'),
    `${Math.round((rate(f) / rate(raw)) * 100)}%`,
    `${Math.round(f.peakRss / 2 ** 20).toLocaleString('en')} MiB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => `-${'-'.repeat(w)}${i === 0 ? '-' : ':'}`).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) return bench(process.env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres();
  try {
    await bench(embedded.url);
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
