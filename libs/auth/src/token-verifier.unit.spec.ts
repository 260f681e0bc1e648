import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { mintToken } from './token';
import { IdentityProviderUnavailable, TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-enough-length-32b';
const KEY = new TextEncoder().encode(SECRET);
const NOW = Date.UTC(2027, 2, 1, 12);
const SECONDS = NOW / 1000;
const DAY = 86400;
const verifier = new TokenVerifier(SECRET, {
  maxLifetimeSeconds: 30 * DAY,
  clockToleranceSeconds: 30,
});
const actor = { sub: 'anna', role: 'coop-admin', coopId: 'velo' };

/** An HS256 token with exactly these claims, signed with the apps' secret. */
const signed = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(KEY);

describe('verifying a token', () => {
  it('gives the actor of a token the platform minted, and until when it holds', async () => {
    const token = mintToken(SECRET, { sub: 'anna', role: 'coop-admin', coopId: 'velo' }, 60, NOW);
    await expect(verifier.verify(token, NOW)).resolves.toEqual({
      actor,
      validUntil: NOW + 60_000,
    });
  });

  it.each([
    ['no exp', {}, /missing required "exp" claim/],
    ['exp: null', { exp: null }, /"exp" claim must be a number/],
    ['exp: "1"', { exp: '1' }, /"exp" claim must be a number/],
    [
      'nbf as a string',
      { exp: SECONDS + 60, nbf: String(SECONDS + 3600) },
      /"nbf" claim must be a number/,
    ],
    ['iat as a string', { exp: SECONDS + 60, iat: 'now' }, /"iat" claim must be a number/],
    ['a lifetime over the maximum', { iat: SECONDS, exp: SECONDS + 31 * DAY }, /lives too long/],
    ['an nbf in the future', { exp: SECONDS + 7200, nbf: SECONDS + 3600 }, /not yet valid/],
    ['an exp past the tolerance', { exp: SECONDS - 31 }, /token expired/],
  ])('refuses %s', async (_case, claims, reason) => {
    await expect(verifier.verify(await signed({ ...actor, ...claims }), NOW)).rejects.toThrow(
      reason,
    );
  });

  it('forgives a clock that is a little behind', async () => {
    const token = await signed({ ...actor, exp: SECONDS - 29 });
    await expect(verifier.verify(token, NOW)).resolves.toMatchObject({ actor });
  });

  it('refuses another secret, alg none, an RS256 token without a provider, garbage', async () => {
    const other = mintToken('another-secret-of-enough-length-32b', actor as never, 60, NOW);
    await expect(verifier.verify(other, NOW)).rejects.toThrow('bad signature');
    const none = new UnsecuredJWT({ ...actor, exp: SECONDS + 60 }).encode();
    await expect(verifier.verify(none, NOW)).rejects.toThrow(
      /only HS256 tokens are accepted, not none/,
    );
    const { privateKey } = await generateKeyPair('RS256');
    const rs = await new SignJWT({ ...actor, exp: SECONDS + 60 })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    await expect(verifier.verify(rs, NOW)).rejects.toThrow(/not RS256/);
    await expect(verifier.verify('let-me-in', NOW)).rejects.toThrow('malformed token');
  });
});

describe("verifying an identity provider's token", () => {
  it('is a 503, not a 401, when its keys cannot be fetched', async () => {
    const unreachable = new TokenVerifier(
      SECRET,
      { maxLifetimeSeconds: 30 * DAY, clockToleranceSeconds: 30 },
      {
        issuer: 'https://id.example.org',
        jwksUrl: new URL('http://127.0.0.1:9/certs'),
        claims: { subject: 'sub', role: 'role', coop: 'coopId' },
        jwksCooldownSeconds: 30,
      },
    );
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ ...actor, iss: 'https://id.example.org' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(unreachable.verify(token)).rejects.toThrow(IdentityProviderUnavailable);
  });
});
