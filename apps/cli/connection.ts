import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDatabase, ResolvedDatabase } from '@libs/database';

/**
 * The database the operator means: `DATABASE_URL` when set; else the embedded database of a
 * running `npm start` (its URL is in `<DATA_DIR>/database.url`, since two processes must never
 * open one PGlite data dir); else the embedded database itself, opened here.
 */
export async function operatorDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return resolveDatabase(env);
  const running = join(env.DATA_DIR ?? '.data', 'database.url');
  if (existsSync(running)) {
    const url = readFileSync(running, 'utf8').trim();
    return { url, embedded: false, stop: async () => undefined };
  }
  return resolveDatabase(env);
}
