// `npm run bench:idle`: what the federation costs when nobody uses it, and how soon a change
// shows, with subscriptions woken by the database (EVENT_STORE_WAKE=notify, the default) beside
// the same federation polling (EVENT_STORE_WAKE=poll), in the same run.
//
// Embedded: `npm start` itself (the launcher hosting PGlite, the consortium and the three coops of
// federation.json), on a fresh data dir seeded with the demo history. Real PostgreSQL (when
// DATABASE_URL is set): the consortium and three coop apps as child processes on fresh schemas.
// For each: after SETTLE_S, the CPU time of every process over IDLE_S idle seconds
// (/proc/<pid>/stat, user + system), as a share of one core; then CONTRIBUTIONS contributions
// posted at RATE per second, and for each the delay from its 201 to the first answer of the
// consortium's GET /pooled-means that counts it.
//
// BENCH_IDLE_SECONDS shortens the idle window (default 60); BENCH_IDLE_STORES=embedded or =server
// runs one side only (default both). The machine may be shared: the load
// average is printed beside the figures.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firstJsonLine, stopProcess } from '@tests/support/child-process';
import { APP_ENTRY, RunningApp, startApp, TestSchemas, tokenFor } from '@tests/support/apps';
import type { FederationReady } from '../scripts/federation/ready-line';
import { percentile } from './support/closed-loop';
import { describeServer } from './support/server-description';

const ROOT = resolve(__dirname, '..');
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const SETTLE_S = 10;
const CONTRIBUTIONS = 500;
const RATE = 50;
const STORES = (process.env.BENCH_IDLE_STORES ?? 'embedded,server').split(',');
const WAKES = ['notify', 'poll'] as const;
type Wake = (typeof WAKES)[number];
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** The processes of one federation, how to reach it, and how to stop it. */
interface Federation {
  processes: { name: string; pid: number }[];
  coopUrl: string;
  coopToken: string;
  consortiumUrl: string;
  boardToken: string;
  stop(): Promise<void>;
}

interface Figures {
  cpu: { name: string; share: number }[];
  p50: number;
  p99: number;
  /** The median GET /pooled-means itself: part of every delay above. */
  getP50: number;
  load: string;
}

/** User + system CPU seconds a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function idleCpu(federation: Federation): Promise<Figures['cpu']> {
  await sleep(SETTLE_S * 1000);
  const before = federation.processes.map((p) => cpuSeconds(p.pid));
  const started = performance.now();
  await sleep(IDLE_S * 1000);
  const seconds = (performance.now() - started) / 1000;
  return federation.processes.map((p, i) => ({
    name: p.name,
    share: (cpuSeconds(p.pid) - before[i]) / seconds,
  }));
}

/** EUR paid in the pooled means, in hundredths. */
async function pooledEuroCents(federation: Federation): Promise<number> {
  const response = await fetch(`${federation.consortiumUrl}/pooled-means`, {
    headers: { authorization: `Bearer ${federation.boardToken}` },
  });
  if (response.status !== 200) throw new Error(`GET /pooled-means: ${response.status}`);
  const body = (await response.json()) as { totals: { unit: string; paid: string }[] };
  const eur = body.totals.find((line) => line.unit === 'EUR');
  return eur ? Math.round(Number(eur.paid) * 100) : 0;
}

/**
 * Posts CONTRIBUTIONS contributions of 0.01 EUR, one every 1000/RATE ms whatever the answers, and
 * times each from its 201 to the first GET /pooled-means that counts as many cents as contributions
 * answered so far (the k-th 201 is seen when the total reaches k: events are projected in order).
 * One watcher asks again and again while some contribution is still unseen.
 */
async function freshness(federation: Federation): Promise<{ delays: number[]; gets: number[] }> {
  const base = await pooledEuroCents(federation);
  const answered: number[] = []; // the time of each 201, in order
  const delays: number[] = [];
  const gets: number[] = [];
  let seen = 0;
  let watching: Promise<void> | undefined;
  const watch = async (): Promise<void> => {
    while (seen < answered.length) {
      const asked = performance.now();
      const counted = (await pooledEuroCents(federation)) - base;
      const now = performance.now();
      gets.push(now - asked);
      for (; seen < Math.min(counted, answered.length); seen++) delays.push(now - answered[seen]);
    }
    watching = undefined;
  };
  const post = async (i: number): Promise<void> => {
    const response = await fetch(`${federation.coopUrl}/contributions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${federation.coopToken}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-idle-${process.pid}-${Date.now()}-${i}`,
      },
      body: JSON.stringify({
        kind: 'dues',
        amount: { amount: '0.01', currency: 'EUR' },
        period: '2027-03',
        theme: 'mobility',
        status: 'paid',
      }),
    });
    if (response.status !== 201) {
      throw new Error(`POST /contributions: ${response.status} ${await response.text()}`);
    }
    answered.push(performance.now());
    watching ??= watch();
  };
  const posts: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < CONTRIBUTIONS; i++) {
    await sleep(started + (i * 1000) / RATE - performance.now());
    posts.push(post(i));
  }
  await Promise.all(posts);
  while (watching) await watching;
  return { delays, gets };
}

async function measure(federation: Federation): Promise<Figures> {
  try {
    const cpu = await idleCpu(federation);
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    const { delays, gets } = await freshness(federation);
    delays.sort((a, b) => a - b);
    gets.sort((a, b) => a - b);
    return {
      cpu,
      p50: percentile(delays, 0.5),
      p99: percentile(delays, 0.99),
      getP50: percentile(gets, 0.5),
      load,
    };
  } finally {
    await federation.stop();
  }
}

/** `npm start -- --json` on `dataDir`, with the apps' wake-up as given. */
async function embeddedFederation(dataDir: string, wake: Wake): Promise<Federation> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.js'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, FEDERATION_PORT_BASE: '0', EVENT_STORE_WAKE: wake },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await firstJsonLine<FederationReady>(child, 600_000).catch(async (error) => {
    await stopProcess(child, 'SIGINT');
    throw error;
  });
  return {
    processes: [
      { name: 'launcher + PGlite', pid: child.pid! },
      ...ready.apps.map((app) => ({ name: app.name, pid: app.pid })),
    ],
    coopUrl: ready.env.VELO_SOLIDAIRE_URL,
    coopToken: ready.env.VELO_SOLIDAIRE_TOKEN,
    consortiumUrl: ready.env.CONSORTIUM_URL,
    boardToken: ready.env.BOARD_TOKEN,
    stop: () => stopProcess(child, 'SIGINT'),
  };
}

/** The consortium and three coops on the real server, on fresh schemas. */
async function serverFederation(wake: Wake): Promise<Federation> {
  const schemas = new TestSchemas();
  const env = { EVENT_STORE_WAKE: wake, EVENT_STORE_POOL_SIZE: '4' };
  const apps: { name: string; app: RunningApp }[] = [];
  const stop = async () => {
    await Promise.all(apps.map(({ app }) => app.stop()));
    await schemas.drop();
  };
  try {
    apps.push({
      name: 'consortium',
      app: await startApp(APP_ENTRY.consortium, schemas, { ...env, BOARD_MEMBERS: 'board-1' }),
    });
    for (const coopId of ['velo-solidaire', 'casa-comune', 'bottega-corta']) {
      apps.push({
        name: coopId,
        app: await startApp(APP_ENTRY.coop, schemas, { ...env, COOP_ID: coopId }),
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    processes: apps.map(({ name, app }) => ({ name, pid: app.child.pid! })),
    coopUrl: apps[1].app.url,
    coopToken: tokenFor({ sub: 'bench-admin', role: 'coop-admin', coopId: 'velo-solidaire' }),
    consortiumUrl: apps[0].app.url,
    boardToken: tokenFor({ sub: 'board-1', role: 'board-member' }),
    stop,
  };
}

function report(where: string, results: Record<Wake, Figures>): void {
  const pct = (share: number) => `${(share * 100).toFixed(2)}%`.padStart(8);
  const names = results.notify.cpu.map((c) => c.name);
  const width = Math.max(...names.map((n) => n.length), 'whole federation'.length);
  console.log(`\n${where}: CPU over ${IDLE_S} idle s, as a share of one core`);
  console.log(`  ${''.padEnd(width)}  ${WAKES.map((w) => w.padStart(8)).join('  ')}`);
  for (const name of names) {
    const shares = WAKES.map((w) => results[w].cpu.find((c) => c.name === name)!.share);
    console.log(`  ${name.padEnd(width)}  ${shares.map(pct).join('  ')}`);
  }
  const totals = WAKES.map((w) => results[w].cpu.reduce((sum, c) => sum + c.share, 0));
  console.log(`  ${'whole federation'.padEnd(width)}  ${totals.map(pct).join('  ')}`);
  console.log(
    `${where}: from POST /contributions's 201 to GET /pooled-means showing it (${CONTRIBUTIONS} at ${RATE}/s)`,
  );
  for (const w of WAKES) {
    const { p50, p99, getP50, load } = results[w];
    console.log(
      `  ${w.padEnd(6)}  p50 ${p50.toFixed(1).padStart(6)} ms  p99 ${p99.toFixed(1).padStart(6)} ms  ` +
        `(a GET alone: p50 ${getP50.toFixed(1)} ms; load average ${load})`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`bench:idle — ${IDLE_S} s idle, ${CONTRIBUTIONS} contributions at ${RATE}/s`);
  if (STORES.includes('embedded')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
    try {
      const embedded = {} as Record<Wake, Figures>;
      // The first start seeds the demo history; the second starts on it.
      for (const wake of WAKES) {
        embedded[wake] = await measure(await embeddedFederation(dataDir, wake));
      }
      report('embedded (npm start)', embedded);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (!STORES.includes('server')) return;
  if (!process.env.DATABASE_URL) {
    console.log('\nreal PostgreSQL: skipped (set DATABASE_URL)');
    return;
  }
  const server = {} as Record<Wake, Figures>;
  for (const wake of WAKES) server[wake] = await measure(await serverFederation(wake));
  report(await describeServer(process.env.DATABASE_URL), server);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
