import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { firstJsonLine, stopProcess } from '../support/child-process';
import type { FederationReady } from '../../scripts/federation/ready-line';

const ROOT = resolve(__dirname, '../..');

/** The first start builds the apps when dist/ is missing or stale (~30 s, more on a busy CI). */
export const FIRST_START_MS = 300_000;

export interface RunningFederation {
  child: ChildProcess;
  ready: FederationReady;
  output(): string;
}

/**
 * `npm start -- --json` as a script runs it (`node scripts/start.js --json`), on free ports and the
 * given data dir. The test environment's DATABASE_URL stays in its environment: the launcher must
 * ignore it.
 */
export async function startFederation(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningFederation> {
  const { child, output } = spawnLauncher(dataDir, env, ['--json']);
  try {
    const ready = await firstJsonLine<FederationReady>(child, FIRST_START_MS);
    return { child, ready, output };
  } catch (error) {
    await interrupt(child);
    throw error;
  }
}

/** `npm start` with its output to a pipe (a log, a CI), without `--json`. */
export function spawnLauncher(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): { child: ChildProcess; output(): string } {
  const child = spawn(process.execPath, [resolve(ROOT, 'scripts/start.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, FEDERATION_PORT_BASE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Ctrl-C: SIGINT to the launcher alone; resolves with its exit code. */
export async function interrupt(child: ChildProcess): Promise<number | null> {
  await stopProcess(child, 'SIGINT');
  return child.exitCode;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (bounded) for processes to be gone: an exited child is reaped a moment later. */
export async function survivors(pids: number[], timeoutMs = 5_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((r) => setTimeout(r, 100));
  }
}
