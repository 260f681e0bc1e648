// `npm run bench:idle`: what the federation costs when nobody uses it, and how soon a change
// shows, with subscriptions woken by the database (EVENT_STORE_WAKE=notify, the default) beside
// the same federation polling (EVENT_STORE_WAKE=poll), in the same run.
//
// Embedded: `npm start` itself (the launcher hosting PGlite, the consortium and the three coops of
// federation.json), on a fresh data dir seeded with the demo history. Real PostgreSQL (when
// DATABASE_URL is set): the consortium and three coop apps as child processes on fresh schemas,
// the coop admitted by the board (only members' contributions count).
// For each: after SETTLE_S, the CPU time of every process over IDLE_S idle seconds
// (/proc/<pid>/stat, user + system), as a share of one core; then CONTRIBUTIONS contributions
// posted at RATE per second, and for each the delay from its 201 to the first answer of the
// consortium's GET /pooled-means that counts it. On the real server a GET goes the moment the
// pooled-means view commits (a trigger the bench puts on its checkpoint row notifies it), so the
// delay holds one GET, not the bench's polling; embedded, one watcher asks again and again.
// At the end: whether the targets are met (by the notify figures).
//
// BENCH_IDLE_SECONDS shortens the idle window (default 60), BENCH_IDLE_SETTLE_SECONDS the wait
// before it (default 110), BENCH_IDLE_CONTRIBUTIONS the freshness run (default 500),
// BENCH_IDLE_RATE sets its rate (default 50/s); BENCH_IDLE_STORES=embedded or =server runs one side
// only (default both), BENCH_IDLE_WAKES=notify or =poll one wake-up only (default both). The
// machine may be shared: the load average is printed beside the figures, and only figures of one
// run compare.
import { execFileSync, spawn } from 'node:child_process';
import { Client } from 'pg';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firstJsonLine, stopProcess } from '@tests/support/child-process';
import { APP_ENTRY, RunningApp, startApp, TestSchemas, tokenFor } from '@tests/support/apps';
import type { FederationReady } from '../scripts/federation/ready-line';
import { percentile } from './support/closed-loop';
import { describeServer } from './support/server-description';
import { PROFILE } from '../tests/coop/sample-requests';

const ROOT = resolve(__dirname, '..');
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
/**
 * From the federation's ready line to its idle window. Not idle yet before: for half a minute
 * after the start, V8 finishes its own start-up work (optimising the code that ran), 2–3% of a
 * core in 15 s; and up to 100 s after an app's last garbage collection, V8's memory reducer may
 * run one more, memory-shrinking collection (its watchdog, `kWatchdogDelayMs` in V8's
 * memory-reducer.cc): 0.2–0.3 s of CPU once, in whichever app its timing falls, then nothing.
 * With a 45 s wait, one app in about half the runs showed it (0.5% over 60 s, against 0.1–0.15%
 * for the others). An app left alone for hours pays each of them once, at the start of its rest.
 */
const SETTLE_S = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 110);
/** A contribution not counted after this long: the bench is broken, not slow. */
const STALL_MS = 30_000;
const CONTRIBUTIONS = Number(process.env.BENCH_IDLE_CONTRIBUTIONS ?? 500);
const RATE = Number(process.env.BENCH_IDLE_RATE ?? 50);
const STORES = (process.env.BENCH_IDLE_STORES ?? 'embedded,server').split(',');
const WAKES = ['notify', 'poll'] as const;
type Wake = (typeof WAKES)[number];
const RUN_WAKES = (process.env.BENCH_IDLE_WAKES ?? WAKES.join(',')).split(',') as Wake[];
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** The processes of one federation, how to reach it, and how to stop it. */
interface Federation {
  processes: { name: string; pid: number }[];
  coopUrl: string;
  coopToken: string;
  consortiumUrl: string;
  boardToken: string;
  /**
   * Calls `changed` each time the consortium's pooled-means view commits, from the moment this
   * resolves until the call it resolves with; absent where the bench cannot tell.
   */
  viewCommits?(changed: () => void): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

interface Freshness {
  /** From each 201 to the first GET /pooled-means showing it (ms). */
  delays: number[];
  /** Each GET /pooled-means the bench made, alone (ms). */
  gets: number[];
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
 *
 * When the federation tells when its pooled-means view commits (`viewCommits`, on the real
 * server), a GET goes at each commit, and the delay is that GET's answer: a reader asking the
 * moment the view changed. Otherwise one watcher asks again and again while some contribution is
 * still unseen, so a delay also holds part of the GET that was under way when the view changed.
 */
async function freshness(federation: Federation): Promise<Freshness> {
  const base = await pooledEuroCents(federation);
  const answered: number[] = []; // the time of each 201, in order
  const delays: number[] = [];
  const gets: number[] = [];
  let seen = 0;
  let lastCounted = 0;
  let watching: Promise<void> | undefined;
  let progressed = performance.now();
  const ask = async (): Promise<number> => {
    const asked = performance.now();
    const counted = (await pooledEuroCents(federation)) - base;
    const now = performance.now();
    gets.push(now - asked);
    if (counted > seen) progressed = now;
    lastCounted = Math.max(lastCounted, counted);
    for (; seen < Math.min(counted, answered.length); seen++) delays.push(now - answered[seen]);
    return counted;
  };
  // One GET at a time, so that the bench's own reads do not crowd the consortium out: a commit
  // during a GET asks again as soon as that one answers.
  let asking: Promise<void> | undefined;
  let askAgain = false;
  const askNow = (): void => {
    if (asking) {
      askAgain = true;
      return;
    }
    asking = (async () => {
      do {
        askAgain = false;
        await ask();
      } while (askAgain);
    })().finally(() => (asking = undefined));
  };
  const unsubscribe = await federation.viewCommits?.(askNow);
  const watch = async (): Promise<void> => {
    while (seen < answered.length) {
      await ask();
      if (performance.now() - progressed > STALL_MS) {
        throw new Error(`GET /pooled-means stuck at ${seen} of ${answered.length} contributions`);
      }
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
    // Counted by a view that committed before this answer came: a reader asking now sees it.
    if (unsubscribe && lastCounted >= answered.length) askNow();
    if (!unsubscribe) watching ??= watch();
  };
  try {
    const posts: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < CONTRIBUTIONS; i++) {
      await sleep(started + (i * 1000) / RATE - performance.now());
      posts.push(post(i));
    }
    await Promise.all(posts);
    if (unsubscribe) {
      // A 201 may come after the commit of the view that counts it: a last look, then wait.
      for (progressed = performance.now(); seen < answered.length; await sleep(50)) {
        await asking;
        if (seen < answered.length && performance.now() - progressed > 100) await ask();
        if (performance.now() - progressed > STALL_MS) {
          throw new Error(`GET /pooled-means stuck at ${seen} of ${answered.length} contributions`);
        }
      }
    }
    while (watching) await watching;
  } finally {
    await unsubscribe?.();
  }
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
  const consortiumSchema = schemas.readModels();
  try {
    apps.push({
      name: 'consortium',
      app: await startApp(APP_ENTRY.consortium, schemas, {
        ...env,
        BOARD_MEMBERS: 'board-1',
        DATABASE_SCHEMA: consortiumSchema,
      }),
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
  const federation: Federation = {
    processes: apps.map(({ name, app }) => ({ name, pid: app.child.pid! })),
    coopUrl: apps[1].app.url,
    coopToken: tokenFor({ sub: 'bench-admin', role: 'coop-admin', coopId: 'velo-solidaire' }),
    consortiumUrl: apps[0].app.url,
    boardToken: tokenFor({ sub: 'board-1', role: 'board-member' }),
    viewCommits: (changed) => pooledMeansCommits(consortiumSchema, changed),
    stop,
  };
  await admitTheCoop(federation).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return federation;
}

/**
 * Each commit of the consortium's pooled-means view, the moment it is visible to readers: a
 * trigger on its checkpoint row (moved in the transaction that writes the view) notifies, and
 * PostgreSQL delivers a notification only once its transaction has committed. The bench's own
 * instrument, on its own schema; gone when the schema is dropped.
 */
async function pooledMeansCommits(
  schema: string,
  changed: () => void,
): Promise<() => Promise<void>> {
  const channel = `${schema}_pooled_means`;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`
    CREATE OR REPLACE FUNCTION "${schema}".bench_pooled_means_committed() RETURNS trigger
    LANGUAGE plpgsql AS $f$ BEGIN PERFORM pg_notify('${channel}', ''); RETURN NULL; END $f$;
    CREATE OR REPLACE TRIGGER bench_pooled_means_committed
      AFTER UPDATE ON "${schema}".projection_checkpoints
      FOR EACH ROW WHEN (NEW.name = 'pooled_means')
      EXECUTE FUNCTION "${schema}".bench_pooled_means_committed()`);
  client.on('notification', changed);
  await client.query(`LISTEN "${channel}"`);
  return async () => {
    await client.query(
      `DROP TRIGGER bench_pooled_means_committed ON "${schema}".projection_checkpoints`,
    );
    await client.end();
  };
}

/** Only members' contributions count in the pooled means: the coop applies, the board admits it. */
async function admitTheCoop(federation: Federation): Promise<void> {
  const call = async (url: string, token: string, method: string, body?: unknown) => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (response.status >= 300) {
      throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    }
  };
  await call(`${federation.coopUrl}/coop`, federation.coopToken, 'PUT', PROFILE);
  await call(`${federation.coopUrl}/consortium/application`, federation.coopToken, 'POST');
  await call(
    `${federation.consortiumUrl}/coops/velo-solidaire/admission`,
    federation.boardToken,
    'POST',
  );
}

function report(where: string, results: Record<Wake, Figures>): void {
  const pct = (share: number) => pctOf(share).padStart(8);
  const names = results[RUN_WAKES[0]].cpu.map((c) => c.name);
  const width = Math.max(...names.map((n) => n.length), 'whole federation'.length);
  console.log(`\n${where}: CPU over ${IDLE_S} idle s, as a share of one core`);
  console.log(`  ${''.padEnd(width)}  ${RUN_WAKES.map((w) => w.padStart(8)).join('  ')}`);
  for (const name of names) {
    const shares = RUN_WAKES.map((w) => results[w].cpu.find((c) => c.name === name)!.share);
    console.log(`  ${name.padEnd(width)}  ${shares.map(pct).join('  ')}`);
  }
  const totals = RUN_WAKES.map((w) => results[w].cpu.reduce((sum, c) => sum + c.share, 0));
  console.log(`  ${'whole federation'.padEnd(width)}  ${totals.map(pct).join('  ')}`);
  console.log(
    `${where}: from POST /contributions's 201 to GET /pooled-means showing it (${CONTRIBUTIONS} at ${RATE}/s)`,
  );
  for (const w of RUN_WAKES) {
    const { p50, p99, getP50, load } = results[w];
    console.log(
      `  ${w.padEnd(6)}  p50 ${p50.toFixed(1).padStart(6)} ms  p99 ${p99.toFixed(1).padStart(6)} ms  ` +
        `(a GET alone: p50 ${getP50.toFixed(1)} ms; load average ${load})`,
    );
  }
}

/** The floors, checked on the `notify` figures (the default wake-up). */
interface Verdict {
  what: string;
  met: boolean;
}

function embeddedVerdicts(figures: Figures): Verdict[] {
  const whole = figures.cpu.reduce((sum, c) => sum + c.share, 0);
  return [
    {
      what: `idle, whole embedded federation ≤ 2% of a core (${pctOf(whole)})`,
      met: whole <= 0.02,
    },
  ];
}

function serverVerdicts(figures: Figures): Verdict[] {
  const busiest = Math.max(...figures.cpu.map((c) => c.share));
  return [
    {
      what: `idle, each app on PostgreSQL ≤ 0.5% of a core (busiest ${pctOf(busiest)})`,
      met: busiest <= 0.005,
    },
    { what: `freshness p50 ≤ 15 ms (${figures.p50.toFixed(1)} ms)`, met: figures.p50 <= 15 },
    { what: `freshness p99 ≤ 100 ms (${figures.p99.toFixed(1)} ms)`, met: figures.p99 <= 100 },
  ];
}

function pctOf(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

async function main(): Promise<void> {
  console.log(
    `bench:idle — ${IDLE_S} s idle (after ${SETTLE_S} s settling), ${CONTRIBUTIONS} contributions at ${RATE}/s`,
  );
  const verdicts: Verdict[] = [];
  if (STORES.includes('embedded')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
    try {
      const embedded = {} as Record<Wake, Figures>;
      // The first start seeds the demo history; the second starts on it.
      for (const wake of RUN_WAKES) {
        embedded[wake] = await measure(await embeddedFederation(dataDir, wake));
      }
      report('embedded (npm start)', embedded);
      if (embedded.notify) verdicts.push(...embeddedVerdicts(embedded.notify));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (STORES.includes('server') && !process.env.DATABASE_URL) {
    console.log('\nreal PostgreSQL: skipped (set DATABASE_URL)');
  } else if (STORES.includes('server')) {
    const server = {} as Record<Wake, Figures>;
    for (const wake of RUN_WAKES) server[wake] = await measure(await serverFederation(wake));
    report(await describeServer(process.env.DATABASE_URL!), server);
    if (server.notify) verdicts.push(...serverVerdicts(server.notify));
  }
  if (verdicts.length === 0) return;
  const short = IDLE_S < 60 || CONTRIBUTIONS < 500 || RATE !== 50;
  console.log(`\ntargets (notify)${short ? ' — a shortened run: indicative only' : ''}:`);
  for (const { what, met } of verdicts) console.log(`  ${met ? 'MET    ' : 'NOT MET'}  ${what}`);
  console.log(verdicts.every((v) => v.met) ? 'all targets met' : 'some targets NOT met');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
