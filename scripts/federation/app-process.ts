import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppSpec } from './federation-config';

/** What an app prints once it listens (libs/http `listen`). */
export interface Listening {
  url: string;
  docs: string;
}

export interface AppProcess {
  spec: AppSpec;
  child: ChildProcess;
  /** Resolves when the app listens; rejects if it exits first. */
  listening: Promise<Listening>;
}

/** Starts one built app; its log lines are prefixed with its name, its stderr passes through. */
export function startAppProcess(spec: AppSpec, entry: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'exit-with-parent.js'), entry], {
    env: { ...env, PORT: String(spec.port), ...(spec.coopId ? { COOP_ID: spec.coopId } : {}) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    // Out of the terminal's process group: Ctrl-C reaches the launcher alone, which stops the
    // apps in order (and an app that dies on its own is then a real failure).
    detached: true,
  });
  const listening = new Promise<Listening>((resolve, reject) => {
    let ready = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && line.startsWith('{')) {
        try {
          const parsed = JSON.parse(line) as Partial<Listening>;
          // With LOG_FORMAT=json every log line is a JSON object too: the listening one has a url.
          if (typeof parsed.url === 'string') {
            resolve(parsed as Listening);
            ready = true;
            return;
          }
        } catch {
          // a log line that happens to start with a brace
        }
      }
      process.stdout.write(`[${spec.name}] ${line}\n`);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${spec.name} exited (${signal ?? `code ${code}`}) before listening`)),
    );
  });
  // An app that dies is reported by the launcher's exit watch, which stops the others.
  listening.catch(() => undefined);
  return { spec, child, listening };
}

/**
 * SIGTERM (the apps shut down gracefully), then SIGKILL if one is still there after `graceMs`:
 * safe for the data, as every write (events; read-model rows with their checkpoint) is one
 * transaction that a dropped connection rolls back.
 */
export async function stopAppProcess({ child }: AppProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
