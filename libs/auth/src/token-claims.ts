import type { JWTPayload } from 'jose';
import { Actor, Role, ROLES } from './actor';
import { InvalidToken } from './token';
import { TokenPolicy } from './token-policy';

/** Which claims of a token say who the caller is, what role it has, and for which coop. */
export interface ClaimNames {
  subject: string;
  role: string;
  coop: string;
}

/** The claims of the tokens this platform mints (`mintToken`). */
export const OWN_CLAIMS: ClaimNames = { subject: 'sub', role: 'role', coop: 'coopId' };

/**
 * The actor a verified token's claims describe. A claim name is looked up as it is first, then as
 * a dotted path (Keycloak's `realm_access.roles`), so that namespaced claims such as
 * `https://coops.example/role` work too. The role claim may be a list (an identity provider's
 * roles): exactly one of them must be one of ours.
 */
export function actorFromClaims(claims: JWTPayload, names: ClaimNames = OWN_CLAIMS): Actor {
  const sub = claimAt(claims, names.subject);
  if (typeof sub !== 'string' || !sub) throw new InvalidToken(`token has no ${names.subject}`);
  const role = roleOf(claimAt(claims, names.role), names.role);
  const coopId = claimAt(claims, names.coop);
  if (coopId !== undefined && (typeof coopId !== 'string' || !coopId)) {
    throw new InvalidToken(`the ${names.coop} claim must be a coop id`);
  }
  return { sub, role, ...(coopId ? { coopId } : {}) };
}

function roleOf(claim: unknown, name: string): Role {
  const given = Array.isArray(claim) ? claim : [claim];
  const known = [...new Set(given.filter((role): role is Role => ROLES.includes(role as Role)))];
  if (known.length === 1) return known[0];
  throw new InvalidToken(
    known.length === 0
      ? `token has no known role in ${name} (one of ${ROLES.join(', ')})`
      : `token has several roles in ${name} (${known.join(', ')}): a caller acts in one`,
  );
}

function claimAt(claims: JWTPayload, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Refuses a token meant to live longer than the policy allows, counted from when it was issued
 * (`iat`) and from now (a token without `iat`, or one that claims to be issued later than it
 * is, gains nothing). jose has already checked that `exp` is there and a number, `iat` and `nbf`
 * numbers when present, and that the token has not expired.
 */
export function checkLifetime(claims: JWTPayload, nowSeconds: number, policy: TokenPolicy): void {
  const exp = claims.exp as number;
  const { maxLifetimeSeconds: max, clockToleranceSeconds: tolerance } = policy;
  if (claims.iat !== undefined && claims.iat > nowSeconds + tolerance) {
    throw new InvalidToken('token issued in the future (iat)');
  }
  const lifetime = Math.max(exp - (claims.iat ?? nowSeconds), exp - nowSeconds);
  if (lifetime > max + tolerance) {
    throw new InvalidToken(
      `token lives too long: at most ${max / 86400} days from its issue (AUTH_MAX_TOKEN_DAYS)`,
    );
  }
}
