#!/usr/bin/env node
// `npm start`: the whole federation on one machine, on the embedded store. One PGlite runs in this
// process (data under .data/, or DATA_DIR); the consortium and every coop of federation.json run as
// child processes of the built apps, all on that one database. Ctrl-C stops everything.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { once } = require('node:events');
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { createInterface } = require('node:readline');

const ROOT = resolve(__dirname, '..');
const DATA_DIR = resolve(ROOT, process.env.DATA_DIR || '.data');
const ENTRY = {
  coop: join(ROOT, 'dist/apps/coop/main.js'),
  consortium: join(ROOT, 'dist/apps/consortium/main.js'),
};
// The embedded server runs one query at a time: more connections per app buy nothing.
const POOL_SIZE = '4';

function buildIfMissing() {
  if (Object.values(ENTRY).every((entry) => existsSync(entry))) return;
  console.log('Building the apps (first start)...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Starts one app; resolves with its `{ url, docs }` line, rejects if it exits first. */
function startApp(app, env) {
  const child = spawn(process.execPath, [app.entry], {
    cwd: ROOT,
    env: { ...env, ...app.env, PORT: String(app.port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolveReady, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        resolveReady(JSON.parse(line));
      } catch {
        process.stdout.write(`[${app.name}] ${line}\n`);
      }
    });
    child.once('exit', (code) => reject(new Error(`${app.name} exited with code ${code}`)));
  });
  // An app that dies is reported by its exit handler in main(), which stops the rest.
  ready.catch(() => undefined);
  return { ...app, child, ready };
}

async function stopApp({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  buildIfMissing();
  // libs/database is TypeScript; swc compiles it on the fly, as in the tests.
  require('@swc-node/register');
  const { startEmbeddedPostgres } = require('../libs/database/src/embedded-postgres');
  const database = await startEmbeddedPostgres({
    dataDir: join(DATA_DIR, 'db'),
    maxConnections: 256,
  });

  // The operator's CLI finds the running embedded database here (one PGlite data dir, one process).
  const urlFile = join(DATA_DIR, 'database.url');
  writeFileSync(urlFile, `${database.url}\n`);

  const federation = JSON.parse(readFileSync(join(ROOT, 'federation.json'), 'utf8'));
  // A development secret kept beside the data, so the tokens printed below survive restarts.
  const { resolveAuthSecret } = require('../libs/auth/src/auth-secret');
  const { mintToken } = require('../libs/auth/src/token');
  const secret = process.env.AUTH_SECRET || resolveAuthSecret({ DATA_DIR });
  const boardMembers = process.env.BOARD_MEMBERS || 'board-chair,board-treasurer,board-secretary';
  const env = {
    ...process.env,
    AUTH_SECRET: secret,
    BOARD_MEMBERS: boardMembers,
    DATABASE_URL: database.url,
    EVENT_STORE_URL: database.url,
    EVENT_STORE_POOL_SIZE: POOL_SIZE,
    // Four apps' start-up chatter would bury the summary; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
  const apps = [
    { name: 'consortium', entry: ENTRY.consortium, port: federation.consortium.port },
    ...federation.coops.map((coop) => ({
      name: coop.id,
      entry: ENTRY.coop,
      port: coop.port,
      env: { COOP_ID: coop.id },
    })),
  ].map((app) => startApp(app, env));

  let stopping = false;
  const stopAll = async (exitCode) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(apps.map(stopApp));
    await database.stop();
    rmSync(urlFile, { force: true });
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  for (const app of apps) {
    app.child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${app.name} stopped (${signal ?? `code ${code}`}): stopping the federation`);
      void stopAll(1);
    });
  }

  const listening = await Promise.all(apps.map((app) => app.ready)).catch(() => undefined);
  if (!listening) return;
  const width = Math.max(...apps.map((app) => app.name.length));
  console.log(`\nThe federation is running (data in ${DATA_DIR}):`);
  apps.forEach((app, i) => {
    console.log(`  ${app.name.padEnd(width)}  ${listening[i].url}  docs: ${listening[i].docs}`);
  });
  const day = 24 * 3600;
  console.log('\nDevelopment tokens (valid 30 days; send as Authorization: Bearer <token>):');
  for (const sub of boardMembers.split(',').slice(0, 2)) {
    console.log(`  board-member ${sub}: ${mintToken(secret, { sub, role: 'board-member' }, 30 * day)}`);
  }
  console.log(`  auditor: ${mintToken(secret, { sub: 'auditor', role: 'auditor' }, 30 * day)}`);
  for (const coop of federation.coops) {
    const token = mintToken(secret, { sub: `${coop.id}-admin`, role: 'coop-admin', coopId: coop.id }, 30 * day);
    console.log(`  coop-admin of ${coop.id}: ${token}`);
  }
  console.log('Ctrl-C stops everything.\n');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
