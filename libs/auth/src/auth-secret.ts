import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { secretWeakness } from './secret-strength';

/**
 * The HS256 secret. `AUTH_SECRET` when set, if it is strong enough (see `secretWeakness`); else
 * only in embedded mode (neither DATABASE_URL nor EVENT_STORE_URL set: a laptop trying the
 * platform) a random secret kept beside the data, so that development tokens survive restarts.
 * Anywhere else, no secret, or a weak one, means no start.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET) {
    const weakness = secretWeakness(env.AUTH_SECRET);
    if (weakness) {
      throw new Error(
        `AUTH_SECRET is too weak to sign tokens: ${weakness}. Use a random one, e.g. openssl rand -base64 32`,
      );
    }
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
