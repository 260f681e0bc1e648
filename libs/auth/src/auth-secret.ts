import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The HS256 secret. `AUTH_SECRET` when set; else only in embedded mode (neither DATABASE_URL nor
 * EVENT_STORE_URL set: a laptop trying the platform) a random secret kept beside the data, so that
 * development tokens survive restarts. Anywhere else, no secret means no start.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET) {
    if (env.AUTH_SECRET.length < 16) throw new Error('AUTH_SECRET must be at least 16 characters');
    return env.AUTH_SECRET;
  }
  if (env.DATABASE_URL || env.EVENT_STORE_URL) {
    throw new Error(
      'AUTH_SECRET is required outside the embedded mode (DATABASE_URL or EVENT_STORE_URL is set)',
    );
  }
  const file = `${env.DATA_DIR ?? '.data'}/auth-secret`;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
