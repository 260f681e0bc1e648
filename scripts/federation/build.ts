import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** What `npm run build` produces: the launcher runs these. */
export function appEntries(root: string) {
  return {
    coop: join(root, 'dist/apps/coop/main.js'),
    consortium: join(root, 'dist/apps/consortium/main.js'),
  };
}

/** What `npm run build` makes: the apps, and the board's page the consortium app serves. */
function builtOutputs(root: string): string[] {
  return [...Object.values(appEntries(root)), join(root, 'dist/board/index.html')];
}

/** What the build reads: a change to any of these makes `dist/` stale. */
const SOURCE_DIRS = ['apps/coop/src', 'apps/consortium/src', 'apps/board', 'libs'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const NOT_BUILT = /(\.spec\.ts|\.md)$|\/testing\//;

/**
 * Builds the apps when `dist/` is missing or older than a source (a quick mtime walk, ~300 files),
 * under a lock so that two launchers starting together (two test files) never build at once.
 * Returns the time it took (waiting for another launcher's build included), or 0 when `dist/` was
 * fresh.
 */
export async function buildIfStale(root: string, log: (line: string) => void): Promise<number> {
  if (!isStale(root)) return 0;
  const waited = Date.now();
  const release = await buildLock(root);
  try {
    // Another launcher may have built while this one waited for the lock.
    if (!isStale(root)) return Date.now() - waited;
    log(
      existsSync(appEntries(root).coop)
        ? 'Sources changed since the last build: building the apps...'
        : 'Building the apps (first start, about 30 s)...',
    );
    const started = Date.now();
    // Its own process group, so that Ctrl-C stops npm, nest and webpack together, and no build
    // outlives the launcher writing into dist/.
    const build = spawn('npm', ['run', 'build'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
      detached: true,
    });
    const interrupt = (signal: NodeJS.Signals) => {
      process.kill(-build.pid!, 'SIGTERM');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
    const [code] = (await once(build, 'exit')) as [number | null];
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    if (code !== 0) throw new Error(`npm run build failed (exit code ${code})`);
    // Dated from the build's start: a source saved during the build still counts as newer.
    const startedAt = new Date(started);
    for (const output of builtOutputs(root)) utimesSync(output, startedAt, startedAt);
    return Date.now() - waited;
  } finally {
    release();
  }
}

export function isStale(root: string): boolean {
  const outputs = builtOutputs(root);
  if (!outputs.every((output) => existsSync(output))) return true;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return newestSource(root) > built;
}

function newestSource(root: string): number {
  let newest = 0;
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (!NOT_BUILT.test(child)) newest = Math.max(newest, statSync(child).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES) {
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

/** A lock file holding its owner's pid; one left by a dead launcher is taken over. */
async function buildLock(root: string): Promise<() => void> {
  const file = join(root, 'node_modules/.cache/coop-federation/build.lock');
  mkdirSync(dirname(file), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!ownerAlive(file)) {
      rmSync(file, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function ownerAlive(file: string): boolean {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    // An empty file: its owner is between creating and writing it.
    if (!pid) return Date.now() - statSync(file).mtimeMs < 10_000;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but another user's; ENOENT: released meanwhile (the next try takes it).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
