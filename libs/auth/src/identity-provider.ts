import { ClaimNames } from './token-claims';
import { wholeNumber } from './token-policy';

/**
 * An OpenID Connect provider (Keycloak, Authentik, Auth0…) whose RS256 / ES256 access tokens the
 * apps accept beside their own HS256 ones: its issuer, where it publishes its keys, the audience
 * its tokens must name, and which of its claims carry our sub, role and coop.
 */
export interface IdentityProvider {
  issuer: string;
  jwksUrl: URL;
  /** When set, a token must name one of these in `aud`. */
  audience?: string[];
  claims: ClaimNames;
  /** How long after a fetch of the keys an unknown `kid` waits before fetching them again. */
  jwksCooldownSeconds: number;
}

/** The algorithms an identity provider's tokens may use; pinned, never read from a token. */
export const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

/**
 * `AUTH_ISSUER` and `AUTH_JWKS_URL` together (one alone is a mistake, refused at start);
 * `AUTH_AUDIENCE` (comma-separated), `AUTH_SUBJECT_CLAIM` (default `sub`), `AUTH_ROLE_CLAIM`
 * (default `role`; e.g. `realm_access.roles` for Keycloak), `AUTH_COOP_CLAIM` (default `coopId`),
 * `AUTH_JWKS_COOLDOWN_SECONDS` (default 30).
 */
export function readIdentityProvider(
  env: NodeJS.ProcessEnv = process.env,
): IdentityProvider | undefined {
  const issuer = env.AUTH_ISSUER?.trim();
  const jwks = env.AUTH_JWKS_URL?.trim();
  if (!issuer && !jwks) return undefined;
  if (!issuer || !jwks) {
    throw new Error('AUTH_ISSUER and AUTH_JWKS_URL go together: set both, or neither');
  }
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(jwks);
  } catch {
    throw new Error(`AUTH_JWKS_URL is not a URL: ${jwks}`);
  }
  if (jwksUrl.protocol !== 'https:' && jwksUrl.protocol !== 'http:') {
    throw new Error(`AUTH_JWKS_URL must be an https:// (or http://) URL: ${jwks}`);
  }
  const audience = env.AUTH_AUDIENCE?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    issuer,
    jwksUrl,
    ...(audience?.length ? { audience } : {}),
    claims: {
      subject: env.AUTH_SUBJECT_CLAIM?.trim() || 'sub',
      role: env.AUTH_ROLE_CLAIM?.trim() || 'role',
      coop: env.AUTH_COOP_CLAIM?.trim() || 'coopId',
    },
    jwksCooldownSeconds: wholeNumber(
      'AUTH_JWKS_COOLDOWN_SECONDS',
      env.AUTH_JWKS_COOLDOWN_SECONDS,
      [0, 3600],
      30,
    ),
  };
}
