import { createHmac, timingSafeEqual } from 'node:crypto';
import { Actor, ROLES } from './actor';

/**
 * HS256 JSON Web Tokens, the subset API.md uses. Written on node:crypto rather than a library so
 * that the only accepted algorithm is HS256 by construction (no `alg: none`, no key confusion).
 */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function mintToken(
  secret: string,
  actor: Actor,
  ttlSeconds = 8 * 3600,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(JSON.stringify({ ...actor, iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${payload}.${sign(secret, `${HEADER}.${payload}`)}`;
}

export class InvalidToken extends Error {}

export function verifyToken(secret: string, token: string, now = Date.now()): Actor {
  return verifyClaims(secret, token, now).actor;
}

/** A verified token's actor, and until when (milliseconds since the epoch) it stays valid. */
export interface VerifiedToken {
  actor: Actor;
  validUntil: number;
}

export function verifyClaims(secret: string, token: string, now = Date.now()): VerifiedToken {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidToken('malformed token');
  const [header, payload, signature] = parts;
  const expected = Buffer.from(sign(secret, `${header}.${payload}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidToken('bad signature');
  }
  const head = parseJson(header);
  if (head.alg !== 'HS256') throw new InvalidToken('only HS256 tokens are accepted');
  const claims = parseJson(payload);
  const seconds = Math.floor(now / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= seconds)
    throw new InvalidToken('token expired');
  if (typeof claims.nbf === 'number' && claims.nbf > seconds)
    throw new InvalidToken('token not yet valid');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new InvalidToken('token has no sub');
  if (!ROLES.includes(claims.role as Actor['role']))
    throw new InvalidToken('token has no known role');
  if (claims.coopId !== undefined && typeof claims.coopId !== 'string')
    throw new InvalidToken('bad coopId');
  return {
    actor: {
      sub: claims.sub,
      role: claims.role as Actor['role'],
      coopId: claims.coopId as string | undefined,
    },
    validUntil: typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity,
  };
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function parseJson(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidToken('malformed token');
}
