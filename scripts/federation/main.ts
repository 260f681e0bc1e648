import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { resolveAuthSecret } from '@libs/auth';
import { keptPassword, startEmbeddedPostgres } from '@libs/database';
import { AppProcess, startAppProcess, stopAppProcess } from './app-process';
import { appEntries, buildIfStale } from './build';
import { boardPageLinks, devTokens, exportLines, tourEnvironment } from './dev-access';
import { readFederationConfig } from './federation-config';
import { FederationReady, Phases, summary } from './ready-line';
import { DemoApi, SeedRefused } from './demo/demo-api';
import { seedDemoHistory } from './demo/seed-demo';

/**
 * `npm start`: the whole federation on one machine, on the embedded store. One PGlite runs in this
 * process (data under DATA_DIR, default .data/); the consortium and every coop of federation.json
 * run as child processes of the built apps, all on that one database. The first start seeds a demo
 * history through the apps' APIs. Ctrl-C stops everything. `--json`: a JSON line with every URL
 * and token first on stdout, for scripts.
 */
const ROOT = resolve(__dirname, '../..');

/** Variables that would point the apps elsewhere than the launcher's embedded store. */
const NOT_INHERITED = [
  'DATABASE_URL',
  'EVENT_STORE_URL',
  'EVENT_STORE_SCHEMA',
  'DATABASE_SCHEMA',
  'EMBEDDED_DATABASE',
  'PORT',
  'COOP_ID',
];
/** The embedded server runs one query at a time: more connections per app buy nothing. */
const POOL_SIZE = '4';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const config = readFederationConfig(ROOT, process.env);
  const ignored = NOT_INHERITED.filter((name) => process.env[name]);
  if (ignored.length > 0) {
    log(
      `npm start runs on its embedded store: ignoring ${ignored.join(', ')} (README: real PostgreSQL).`,
    );
  }
  const phases: Phases = { build: 0, database: 0, apps: 0, seed: 0 };
  const timed = async <T>(phase: keyof Phases, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    phases[phase] = Math.round(performance.now() - started);
    return result;
  };
  phases.build = await buildIfStale(ROOT, log);

  // From here on Ctrl-C stops whatever has started, in order: the seed's request in flight
  // finishes (an app stopped under a request would fail it halfway, and a restart could not replay
  // it), then the apps, then the database.
  const apps: AppProcess[] = [];
  const seedControl = new AbortController();
  let seeding: Promise<boolean> = Promise.resolve(false);
  let stopping = false;
  // The database's password, kept beside its data: the apps get it in their DATABASE_URL.
  const password = keptPassword(join(config.dataDir, 'database.password'));
  const opening = timed('database', () =>
    startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'db'),
      maxConnections: 256,
      password,
    }),
  );
  // The operator's CLI finds the running embedded database here (one PGlite data dir, one process).
  const urlFile = join(config.dataDir, 'database.url');
  const devEnvFile = join(config.dataDir, 'dev.env');
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    seedControl.abort();
    await Promise.race([seeding.catch(() => undefined), delay(10_000)]);
    await Promise.all(apps.map((app) => stopAppProcess(app)));
    await (await opening.catch(() => undefined))?.stop();
    rmSync(urlFile, { force: true });
    rmSync(devEnvFile, { force: true });
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping does not wait for the apps.
      if (stopping) {
        for (const { child } of apps) child.kill('SIGKILL');
        process.exit(130);
      }
      void stopAll(0);
    });
  }

  const database = await opening;
  if (stopping) return;
  writeSecret(urlFile, `${database.url}\n`);

  // A development secret kept beside the data, so that the printed tokens survive restarts.
  // A secret of one's own is checked here as the apps will check it, to refuse it before they start.
  const secret = resolveAuthSecret(
    process.env.AUTH_SECRET
      ? { AUTH_SECRET: process.env.AUTH_SECRET }
      : { DATA_DIR: config.dataDir },
  );
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !NOT_INHERITED.includes(name)),
    ),
    AUTH_SECRET: secret,
    BOARD_MEMBERS: config.boardMembers.join(','),
    DATA_DIR: config.dataDir,
    DATABASE_URL: database.url,
    EVENT_STORE_URL: database.url,
    EVENT_STORE_POOL_SIZE: POOL_SIZE,
    // A laptop trying the platform: webhooks may go to a receiver on this machine or the LAN.
    WEBHOOKS_DEVELOPMENT: '1',
    // Four apps' start-up chatter would bury the summary; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
  const entries = appEntries(ROOT);
  const appsStarted = performance.now();
  for (const spec of config.apps) apps.push(startAppProcess(spec, entries[spec.kind], env));
  for (const app of apps) {
    app.child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${app.spec.name} stopped (${signal ?? `code ${code}`}): stopping the federation`);
      void stopAll(1);
    });
  }

  try {
    const listening = await Promise.all(apps.map((app) => app.listening));
    phases.apps = Math.round(performance.now() - appsStarted);
    const tokens = devTokens(secret, config);
    const urlOf = (name: string) => listening[apps.findIndex((app) => app.spec.name === name)].url;
    const tokenOf = (sub: string) => tokens.find((token) => token.sub === sub)!.token;
    const api = (url: string, sub: string) => new DemoApi(url, tokenOf(sub), seedControl.signal);
    seeding = timed(
      'seed',
      async () =>
        config.demoData &&
        seedDemoHistory({
          coops: config.coops.map((spec) => ({
            spec,
            api: api(urlOf(spec.id), `${spec.id}-admin`),
          })),
          board: config.boardMembers.map((sub) => api(urlOf('consortium'), sub)),
        }),
    );
    const seeded = await seeding;
    const tour = tourEnvironment(
      apps.map((app, i) => ({ name: app.spec.name, url: listening[i].url })),
      tokens,
      new Date().toISOString().slice(0, 4),
    );
    writeSecret(
      devEnvFile,
      `# Written by npm start for the README's tour; removed when it stops.\n${exportLines(tour)}\n`,
    );
    const ready: FederationReady = {
      ready: true,
      dataDir: config.dataDir,
      startupMs: Math.round(process.uptime() * 1000),
      phases,
      seeded,
      apps: apps.map((app, i) => ({
        name: app.spec.name,
        url: listening[i].url,
        docs: listening[i].docs,
        pid: app.child.pid!,
      })),
      tokens,
      boardPage: boardPageLinks(urlOf('consortium'), tokens),
      env: tour,
    };
    // For scripts and tests, when asked: the line holds the tokens.
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(ready)}\n`);
    const shown = relative(process.cwd(), devEnvFile);
    process.stdout.write(
      summary(ready, shown.startsWith('..') ? devEnvFile : shown, process.stdout.isTTY === true),
    );
  } catch (error) {
    if (stopping) return; // an app died; its exit watch is stopping the rest
    log(
      `The federation could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (error instanceof SeedRefused) {
      log(
        `The demo seed stopped there. DEMO_DATA=off starts on the data as it is; removing ${config.dataDir} starts afresh.`,
      );
    }
    await stopAll(1);
  }
}

/** A file only its owner reads (the URL holds the database's password; dev.env, tokens). */
function writeSecret(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600); // mode applies only to a new file: one left by a crash keeps its own
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
