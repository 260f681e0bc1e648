// `npm run bench:export`: how fast a coop's history is exported to a bundle and verified, and how
// much memory that takes, for 100,000 and 1,000,000 events of one coop. The memory must not grow
// with the history: both run in constant memory by design (docs/export-format.md).
//
// Database: DATABASE_URL when set (a real server), else an embedded PGlite in a child process, so
// that this process's memory is the exporter's and the verifier's alone. The store is filled with
// plain INSERT … SELECT (the append path is bench:store's subject), in a schema of its own that is
// dropped at the end, and analyzed after each fill. Export and verify go through a file in the
// system's temporary directory.
//
// First, without a database: how verify's time grows with the length of one line (it must grow
// linearly: each byte is searched once, the line joined once, parsed and hashed once), and how
// fast a 64 MB line is refused under the default line bound, with what memory.
// `npm run bench:export -- --lines-only` runs that part alone.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import {
  BrokenBundleError,
  newSigningKey,
  prepareBundle,
  signerOf,
  verifyBundle,
} from '@libs/portability';
import { firstJsonLine, spawnTs, stopProcess } from '@tests/support/child-process';

const SIZES = [100_000, 1_000_000];
const COOP = 'bench-export';
const FILL_CHUNK = 50_000;
const EVENTS_PER_STREAM = 10;
const RSS_SAMPLE_MS = 20;
const LINE_SIZES_MIB = [8, 16, 32, 64];
const MIB = 2 ** 20;

interface Database {
  url: string;
  description: string;
  stop(): Promise<void>;
}

async function database(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const pool = new Pool({ connectionString: url, max: 1 });
    const { rows } = await pool.query<{ version: string }>(
      `SELECT split_part(version(), ' ', 2) AS version`,
    );
    await pool.end();
    return { url, description: `PostgreSQL ${rows[0].version}`, stop: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-export-db-'));
  const child = spawnTs('tests/support/embedded-postgres.process.ts', [dataDir]);
  const { url } = await firstJsonLine<{ url: string }>(child);
  return {
    url,
    description: 'embedded PGlite (child process)',
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Events `from` to `to` − 1 of one coop, ten per member stream, as CapitalPaid events look. */
async function fill(pool: Pool, schema: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += FILL_CHUNK) {
    await pool.query(
      `INSERT INTO "${schema}".events
         (stream_id, stream_version, event_id, type, schema_version, coop_id, data, metadata, occurred_at)
       SELECT 'coop/${COOP}/member/' || md5((g / ${EVENTS_PER_STREAM})::text)::uuid,
         g % ${EVENTS_PER_STREAM} + 1, gen_random_uuid(), 'CapitalPaid', 1, '${COOP}',
         jsonb_build_object('memberId', md5((g / ${EVENTS_PER_STREAM})::text)::uuid,
           'paidOn', '2025-03-01', 'amount', jsonb_build_object('unit', 'EUR', 'hundredths', 5000)),
         jsonb_build_object('actor', 'admin-1', 'correlationId', gen_random_uuid(),
           'causationId', gen_random_uuid()),
         timestamptz '2025-01-01' + g * interval '1 second'
       FROM generate_series($1::int, $2::int - 1) AS g`,
      [start, Math.min(start + FILL_CHUNK, to)],
    );
  }
  // What autovacuum does on a server in steady state. Without fresh statistics the planner
  // estimates a few hundred rows for the coop and reads each page with a bitmap scan and a sort
  // of everything after it: one page costs O(rows left) and the export turns quadratic (see the
  // note on the event store's page query). PGlite has no autovacuum at all.
  await pool.query(`ANALYZE "${schema}".events`);
}

interface Measure {
  events: number;
  seconds: number;
  /** Resident set size when the phase started, and its peak during the phase. */
  rssBefore: number;
  rssPeak: number;
}

async function measured(run: () => Promise<number>): Promise<Measure> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  const start = process.hrtime.bigint();
  try {
    const events = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    return { events, seconds, rssBefore, rssPeak };
  } finally {
    clearInterval(sampler);
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const rate = (m: Measure) => `${Math.round(m.events / m.seconds).toLocaleString('en')} events/s`;

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

/**
 * A file whose first line is one JSON object of about `mib` MiB (a long string member and a hash
 * that cannot match), written a MiB at a time so that this process never holds it.
 */
function longLineFile(dir: string, sizeMib: number): string {
  const file = join(dir, `line-${sizeMib}.ndjson`);
  const fd = openSync(file, 'w');
  writeSync(fd, `{"kind":"seal","hash":"${'0'.repeat(64)}","pad":"`);
  const block = Buffer.alloc(MIB, 'x'.charCodeAt(0));
  for (let i = 0; i < sizeMib; i++) writeSync(fd, block);
  writeSync(fd, '"}\n');
  closeSync(fd);
  return file;
}

/** Time to the verifier's refusal of that line: reading, splitting, parsing and hashing it. */
async function refusalOf(file: string, maxLineBytes?: number): Promise<string> {
  try {
    await verifyBundle(createReadStream(file), { maxLineBytes });
  } catch (error) {
    if (error instanceof BrokenBundleError) return error.problem;
    throw error;
  }
  throw new Error('a long line was accepted');
}

async function lineLengths(dir: string): Promise<void> {
  const rows = [
    ['line', 'bound', 'time to refusal', 'per MiB', 'RSS before', 'peak RSS', 'refused as'],
  ];
  // The refusal under the default bound first, while the process is at its resting memory.
  for (const [size, bound] of [
    [64, undefined] as const,
    ...LINE_SIZES_MIB.map((size) => [size, 128 * MIB] as const),
  ]) {
    const file = longLineFile(dir, size);
    let problem = '';
    const m = await measured(async () => {
      problem = await refusalOf(file, bound);
      return 1;
    });
    rmSync(file);
    rows.push([
      `${size} MiB`,
      bound ? `${bound / MIB} MiB` : 'default (1 MiB)',
      `${(m.seconds * 1000).toFixed(0)} ms`,
      `${((m.seconds * 1000) / size).toFixed(1)} ms`,
      mib(m.rssBefore),
      mib(m.rssPeak),
      problem.split(':')[0],
    ]);
  }
  printTable(rows);
}

async function main(): Promise<void> {
  const lineDir = mkdtempSync(join(tmpdir(), 'bench-export-lines-'));
  try {
    console.log(`bench:export, one long line, Node ${process.version}`);
    await lineLengths(lineDir);
  } finally {
    rmSync(lineDir, { recursive: true, force: true });
  }
  if (process.argv.includes('--lines-only')) return;
  const { publicKey, privateKey } = newSigningKey();
  const signer = signerOf('coop', publicKey, privateKey);
  const db = await database();
  const schema = `bench_export_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const store = new PostgresEventStore({ pool, schema });
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  const rows = [['events', 'phase', 'time', 'throughput', 'RSS before', 'peak RSS', 'bundle size']];
  console.log(`bench:export on ${db.description}, Node ${process.version}`);
  try {
    await store.init();
    let filled = 0;
    for (const size of SIZES) {
      const fillStart = Date.now();
      await fill(pool, schema, filled, size);
      filled = size;
      console.log(
        `filled ${size.toLocaleString('en')} events in ${((Date.now() - fillStart) / 1000).toFixed(1)} s`,
      );
      const file = join(dir, `bundle-${size}.ndjson`);

      const exported = await measured(async () => {
        const bundle = await prepareBundle({ store, coopId: COOP, signer });
        await pipeline(
          Readable.from(bundle.text(), { objectMode: false }),
          createWriteStream(file),
        );
        return bundle.sealed()!.eventCount;
      });
      const verified = await measured(
        async () => (await verifyBundle(createReadStream(file))).eventCount,
      );
      const bytes = statSync(file).size;
      rmSync(file);
      for (const [phase, m] of [
        ['export (count + write)', exported],
        ['verify', verified],
      ] as const) {
        rows.push([
          m.events.toLocaleString('en'),
          phase,
          `${m.seconds.toFixed(1)} s`,
          rate(m),
          mib(m.rssBefore),
          mib(m.rssPeak),
          mib(bytes),
        ]);
      }
    }
    printTable(rows);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
