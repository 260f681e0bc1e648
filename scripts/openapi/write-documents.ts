import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppSpec } from '../federation/federation-config';
import { startAppProcess, stopAppProcess } from '../federation/app-process';

/**
 * `npm run lint:openapi`, first half: each app's OpenAPI document, as `/docs-json` serves it, into
 * `dist/openapi/` for Spectral. The apps start from source on a throwaway embedded store (the
 * document is built from their controllers and DTOs, so it is the one users get), then stop.
 */
const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'dist/openapi');

const APPS: { spec: AppSpec; entry: string }[] = [
  {
    spec: { name: 'consortium', kind: 'consortium', port: 0 },
    entry: 'apps/consortium/src/main.ts',
  },
  {
    spec: { name: 'coop', kind: 'coop', coopId: 'openapi-coop', port: 0 },
    entry: 'apps/coop/src/main.ts',
  },
];

async function writeDocument({ spec, entry }: (typeof APPS)[number]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), `openapi-${spec.name}-`));
  // The embedded store in a folder of its own: no database, no secret needed, nothing left behind.
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'EVENT_STORE_URL', 'AUTH_SECRET', 'DATA_DIR'])
    delete env[name];
  const app = startAppProcess(spec, join(ROOT, entry), {
    ...env,
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} -r @swc-node/register`,
    SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  try {
    const { url } = await app.listening;
    const response = await fetch(`${url}/docs-json`);
    if (!response.ok) throw new Error(`${spec.name}: GET /docs-json answered ${response.status}`);
    const file = join(OUT, `${spec.name}.json`);
    writeFileSync(file, `${JSON.stringify(await response.json(), null, 2)}\n`);
    return file;
  } finally {
    await stopAppProcess(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const app of APPS) process.stdout.write(`${await writeDocument(app)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
