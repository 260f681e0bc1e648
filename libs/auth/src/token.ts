import { createHmac } from 'node:crypto';
import { base64url } from 'jose';
import { Actor } from './actor';

/** Why a token is refused: the detail of the 401. */
export class InvalidToken extends Error {}

const HEADER = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * An HS256 token for `actor`, living `ttlSeconds` from `now`: always with `iat` and `exp`, so that
 * the apps (which verify with jose, see TokenVerifier) never meet one of ours without an end.
 * Signed here on node:crypto rather than with jose's SignJWT because jose only signs
 * asynchronously, and a token is minted in many synchronous places (tests, the launcher's summary);
 * `token.unit.spec.ts` checks that jose verifies what this makes.
 */
export function mintToken(
  secret: string,
  actor: Actor,
  ttlSeconds = 8 * 3600,
  now = Date.now(),
): string {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`a token lives a whole number of seconds, at least 1: ${ttlSeconds}`);
  }
  const iat = Math.floor(now / 1000);
  const payload = base64url.encode(JSON.stringify({ ...actor, iat, exp: iat + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}
