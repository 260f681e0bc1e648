import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../..');

/** A TypeScript entry point run as a real child process (swc-compiled on the fly). */
export function spawnTs(
  entry: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The first stdout line that parses as JSON (and passes `wanted`); rejects if the process exits
 * first.
 */
export async function firstJsonLine<T>(
  child: ChildProcess,
  timeoutMs = 60_000,
  wanted: (value: T) => boolean = () => true,
): Promise<T> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no JSON line within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    lines.on('line', (line) => {
      try {
        const value = JSON.parse(line) as T;
        if (!wanted(value)) return;
        clearTimeout(timer);
        resolvePromise(value);
      } catch {
        // not the line we wait for
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with ${code} before printing JSON\n${stderr}`));
    });
  });
}

export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
