// `npm run bench:api`: what the coop app's command path costs over HTTP, against bare baselines.
// The coop app runs as a child process (from source), as deployed, and takes `POST /contributions`
// from a closed loop of CONCURRENCY in-flight requests over keep-alive connections. Beside it, two
// bare Fastify servers (also child processes; benchmarks/support/baseline-server.ts) record the
// same row through a pg pool as large as the app's event-store pool: one with a plain INSERT (the
// baseline of the ratio), one with the event store's own read-then-append but no Nest around it.
//
// Database: DATABASE_URL when set (a real server), else an embedded PGlite started in this
// process. Fresh schemas, dropped at the end. The machine may be busy with other work, so the
// sides take turns in rounds, each round starting with the next side, and add up.
//
// BENCH_PROFILE=<file.js>: preloaded into the app (NODE_OPTIONS=--require), e.g. to take a CPU
// profile with node:inspector.
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { describeServer } from './support/server-description';
import { mintToken } from '@libs/auth';
import { quoteIdentifier, startEmbeddedPostgres } from '@libs/database';
import { APP_ENTRY } from '@tests/support/apps';
import { firstJsonLine, spawnTs, stopProcess } from '@tests/support/child-process';
import { closedLoop, keepAliveAgent, LoadShape, percentile } from './support/closed-loop';

const CONCURRENCY = 16;
/** The app's event-store pool and the baselines' pools. */
const POOL_SIZE = 10;
const AUTH_SECRET = 'bench-secret-long-enough-for-hs256-5b81';
const COOP_ID = 'bench-coop';
const BASELINE_SERVER = 'benchmarks/support/baseline-server.ts';

interface Sizes {
  warmUp: number;
  rounds: number;
  perRound: number;
}

const SIZES: Record<'server' | 'embedded', Sizes> = {
  server: { warmUp: 1000, rounds: 8, perRound: 500 },
  embedded: { warmUp: 300, rounds: 6, perRound: 200 },
};

const CONTRIBUTION = JSON.stringify({
  kind: 'dues',
  amount: { amount: '120.50', currency: 'EUR' },
  period: '2027-03',
  theme: 'mobility',
  status: 'paid',
  source: 'monthly dues',
});

interface Side {
  name: string;
  process: ChildProcess;
  shape: LoadShape;
  seconds: number;
  latencies: number[];
  /** The server process's CPU seconds while measured, background work included. */
  cpuSeconds: number;
}

interface Figures {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

async function start(entry: string, env: NodeJS.ProcessEnv): Promise<[ChildProcess, string]> {
  const child = spawnTs(entry, [], env);
  try {
    const { url } = await firstJsonLine<{ url: string }>(child);
    return [child, url];
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** User + system CPU seconds of a process so far (Linux /proc; NaN elsewhere). */
function cpuSeconds(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of (almost always) 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function bench(url: string, sizes: Sizes): Promise<Figures[]> {
  const schema = `bench_api_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const schemas = {
    events: schema,
    readModels: `${schema}_rm`,
    insert: `${schema}_insert`,
    store: `${schema}_store`,
  };
  const children: ChildProcess[] = [];
  const agent = keepAliveAgent(CONCURRENCY);
  const spawn = async (entry: string, env: NodeJS.ProcessEnv) => {
    const [child, base] = await start(entry, env);
    children.push(child);
    return [child, base] as const;
  };
  const load = (base: string, headers: Record<string, string> = {}): LoadShape => ({
    url: base,
    path: '/contributions',
    headers,
    body: CONTRIBUTION,
    requests: sizes.perRound,
    concurrency: CONCURRENCY,
    expectStatus: 201,
  });
  const side = (name: string, process: ChildProcess, shape: LoadShape): Side => ({
    name,
    process,
    shape,
    seconds: 0,
    latencies: [],
    cpuSeconds: 0,
  });

  try {
    const [app, appUrl] = await spawn(APP_ENTRY.coop, {
      PORT: '0',
      COOP_ID,
      AUTH_SECRET,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schemas.readModels,
      EVENT_STORE_URL: url,
      EVENT_STORE_SCHEMA: schemas.events,
      EVENT_STORE_POOL_SIZE: String(POOL_SIZE),
      LOG_LEVEL: 'warn',
      ...(process.env.BENCH_PROFILE
        ? { NODE_OPTIONS: `--require ${process.env.BENCH_PROFILE}` }
        : {}),
    });
    const baseline = (mode: string, baselineSchema: string) =>
      spawn(BASELINE_SERVER, {
        DATABASE_URL: url,
        BASELINE: mode,
        BASELINE_SCHEMA: baselineSchema,
        POOL_SIZE: String(POOL_SIZE),
      });
    const [storeServer, storeUrl] = await baseline('event-store', schemas.store);
    const [insertServer, insertUrl] = await baseline('insert', schemas.insert);

    const token = mintToken(AUTH_SECRET, {
      sub: 'bench-admin',
      role: 'coop-admin',
      coopId: COOP_ID,
    });
    const sides = [
      side(
        'coop app: POST /contributions',
        app,
        load(appUrl, { authorization: `Bearer ${token}` }),
      ),
      side('Fastify + event store (read, append)', storeServer, load(storeUrl)),
      side('Fastify + 1 INSERT (baseline)', insertServer, load(insertUrl)),
    ];

    // Unmeasured: compiles the hot paths and warms every pooled connection.
    for (const s of sides) await closedLoop({ ...s.shape, requests: sizes.warmUp }, agent);
    await projected(url, schemas.readModels, sizes.warmUp);

    const cpuBefore = sides.map((s) => cpuSeconds(s.process));
    for (let round = 0; round < sizes.rounds; round++) {
      const order = sides.map((_, i) => sides[(i + round) % sides.length]);
      for (const s of order) {
        const result = await closedLoop(s.shape, agent);
        s.seconds += result.seconds;
        s.latencies.push(...result.latencies);
      }
    }
    const total = sizes.warmUp + sizes.rounds * sizes.perRound;
    // The app's read models trail its writes: their work is part of its cost.
    await projected(url, schemas.readModels, total);
    sides.forEach((s, i) => (s.cpuSeconds = cpuSeconds(s.process) - cpuBefore[i]));

    const recorded = await count(url, `${quoteIdentifier(schemas.events)}.events`);
    if (recorded !== total) throw new Error(`the app recorded ${recorded} events, not ${total}`);
    return sides.map(figures);
  } finally {
    agent.destroy();
    for (const child of children.reverse()) await stopProcess(child);
    await dropSchemas(url, Object.values(schemas));
  }
}

function figures(side: Side): Figures {
  const sorted = [...side.latencies].sort((x, y) => x - y);
  return {
    name: side.name,
    requests: sorted.length,
    perSecond: sorted.length / side.seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    cpuMsPerRequest: (side.cpuSeconds * 1000) / sorted.length,
  };
}

/** Waits until the app's contributions read model holds `rows` rows. */
async function projected(url: string, schema: string, rows: number): Promise<void> {
  const table = `${quoteIdentifier(schema)}.contributions`;
  const deadline = Date.now() + 120_000;
  while ((await count(url, table)) < rows) {
    if (Date.now() > deadline) throw new Error(`the read model never reached ${rows} rows`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function count(url: string, table: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  } finally {
    await pool.end();
  }
}

async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    for (const name of schemas) {
      await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`);
    }
  } finally {
    await pool.end();
  }
}

function printTable(database: string, all: Figures[]): void {
  const baseline = all[all.length - 1];
  const header = [
    '',
    'requests',
    'commands/s',
    'vs baseline',
    'p50 ms',
    'p99 ms',
    'server CPU ms/cmd',
  ];
  const rows = all.map((f) => [
    f.name,
    f.requests.toLocaleString('en'),
    Math.round(f.perSecond).toLocaleString('en'),
    `${Math.round((f.perSecond / baseline.perSecond) * 100)}%`,
    f.p50.toFixed(1),
    f.p99.toFixed(1),
    f.cpuMsPerRequest.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${database}; ${CONCURRENCY} requests in flight, pools of ${POOL_SIZE}`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => `-${'-'.repeat(w)}${i === 0 ? '-' : ':'}`).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    printTable(await describeServer(url), await bench(url, SIZES.server));
    return;
  }
  const embedded = await startEmbeddedPostgres({ maxConnections: 64 });
  try {
    const description = await describeServer(embedded.url);
    printTable(
      `embedded PGlite served from this process, ${description}`,
      await bench(embedded.url, SIZES.embedded),
    );
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
