import { actorFromClaims, checkLifetime, OWN_CLAIMS } from './token-claims';

const keycloak = { subject: 'preferred_username', role: 'realm_access.roles', coop: 'coop' };

describe('the actor a token describes', () => {
  it('is read from our own claims', () => {
    expect(actorFromClaims({ sub: 'anna', role: 'coop-admin', coopId: 'velo' })).toEqual({
      sub: 'anna',
      role: 'coop-admin',
      coopId: 'velo',
    });
  });

  it("is read from an identity provider's claims: a dotted path, a list of roles", () => {
    const claims = {
      sub: '8f1c…',
      preferred_username: 'board-chair',
      realm_access: { roles: ['offline_access', 'board-member', 'default-roles-coops'] },
    };
    expect(actorFromClaims(claims, keycloak)).toEqual({ sub: 'board-chair', role: 'board-member' });
  });

  it('takes a namespaced claim with dots in its name as it is', () => {
    const names = { ...OWN_CLAIMS, role: 'https://coops.example/role' };
    expect(actorFromClaims({ sub: 'a', 'https://coops.example/role': 'auditor' }, names)).toEqual({
      sub: 'a',
      role: 'auditor',
    });
  });

  it.each([
    ['no sub', { role: 'auditor' }, /no sub/],
    ['an empty sub', { sub: '', role: 'auditor' }, /no sub/],
    ['an unknown role', { sub: 'a', role: 'root' }, /no known role in role/],
    ['no role among a list', { sub: 'a', role: ['admin', 'user'] }, /no known role/],
    ['two of our roles', { sub: 'a', role: ['auditor', 'coop-admin'] }, /several roles/],
    ['a coop that is not a string', { sub: 'a', role: 'auditor', coopId: 7 }, /coopId claim/],
  ])('refuses %s', (_case, claims, reason) => {
    expect(() => actorFromClaims(claims)).toThrow(reason);
  });
});

describe('the lifetime of a token', () => {
  const now = 1_800_000_000;
  const day = 86400;
  const policy = { maxLifetimeSeconds: 30 * day, clockToleranceSeconds: 30 };

  it('may be the whole maximum, from its issue', () => {
    expect(() => checkLifetime({ iat: now - day, exp: now + 29 * day }, now, policy)).not.toThrow();
  });

  it.each([
    ['issued with a longer life', { iat: now, exp: now + 31 * day }],
    ['issued long ago with a longer life', { iat: now - 10 * day, exp: now + 25 * day }],
    ['without iat, ending beyond the maximum from now', { exp: now + 31 * day }],
  ])('is refused when %s', (_case, claims) => {
    expect(() => checkLifetime(claims, now, policy)).toThrow(/lives too long: at most 30 days/);
  });

  it('is refused when it claims to be issued later than now', () => {
    const claims = { iat: now + 90 * day, exp: now + 91 * day };
    expect(() => checkLifetime(claims, now, policy)).toThrow(/issued in the future/);
  });

  it('forgives the clock tolerance', () => {
    expect(() =>
      checkLifetime({ iat: now + 20, exp: now + 20 + 30 * day }, now, policy),
    ).not.toThrow();
  });
});
