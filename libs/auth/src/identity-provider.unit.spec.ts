import { readIdentityProvider } from './identity-provider';
import { readTokenPolicy } from './token-policy';

describe('the auth settings read at start', () => {
  const provider = {
    AUTH_ISSUER: 'https://id.example.org/realms/federation',
    AUTH_JWKS_URL: 'https://id.example.org/realms/federation/protocol/openid-connect/certs',
  };

  it('no identity provider unless its issuer and keys are given', () => {
    expect(readIdentityProvider({})).toBeUndefined();
  });

  it('an identity provider with its claims, audience and cooldown', () => {
    expect(
      readIdentityProvider({
        ...provider,
        AUTH_AUDIENCE: 'coop-federation, board-page',
        AUTH_ROLE_CLAIM: 'realm_access.roles',
      }),
    ).toEqual({
      issuer: provider.AUTH_ISSUER,
      jwksUrl: new URL(provider.AUTH_JWKS_URL),
      audience: ['coop-federation', 'board-page'],
      claims: { subject: 'sub', role: 'realm_access.roles', coop: 'coopId' },
      jwksCooldownSeconds: 30,
    });
  });

  it.each([
    ['an issuer without keys', { AUTH_ISSUER: provider.AUTH_ISSUER }, /go together/],
    ['keys without an issuer', { AUTH_JWKS_URL: provider.AUTH_JWKS_URL }, /go together/],
    ['keys that are no URL', { ...provider, AUTH_JWKS_URL: 'certs.json' }, /not a URL/],
    ['keys on a file', { ...provider, AUTH_JWKS_URL: 'file:///etc/jwks' }, /https:\/\//],
    ['a cooldown of -1', { ...provider, AUTH_JWKS_COOLDOWN_SECONDS: '-1' }, /whole number/],
  ])('refuses %s', (_case, env, reason) => {
    expect(() => readIdentityProvider(env)).toThrow(reason);
  });

  it('a token policy of 30 days and 30 s of tolerance, unless told otherwise', () => {
    expect(readTokenPolicy({})).toEqual({
      maxLifetimeSeconds: 30 * 86400,
      clockToleranceSeconds: 30,
    });
    expect(
      readTokenPolicy({ AUTH_MAX_TOKEN_DAYS: '7', AUTH_CLOCK_TOLERANCE_SECONDS: '0' }),
    ).toEqual({ maxLifetimeSeconds: 7 * 86400, clockToleranceSeconds: 0 });
  });

  it.each(['0', 'abc', '1.5', '3651'])('refuses AUTH_MAX_TOKEN_DAYS=%s', (days) => {
    expect(() => readTokenPolicy({ AUTH_MAX_TOKEN_DAYS: days })).toThrow(
      `AUTH_MAX_TOKEN_DAYS must be a whole number from 1 to 3650: ${days}`,
    );
  });
});
