import { decodeJwt, jwtVerify } from 'jose';
import { mintToken } from './token';

const SECRET = 'a-test-secret-of-enough-length-32b';
const NOW = Date.UTC(2027, 2, 1, 12);

describe('minting a token', () => {
  it('makes an HS256 JWT that jose verifies, with the actor, iat and exp', async () => {
    const token = mintToken(SECRET, { sub: 'anna', role: 'coop-admin', coopId: 'velo' }, 3600);
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp'],
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'anna', role: 'coop-admin', coopId: 'velo' });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('counts the lifetime from now, in whole seconds', () => {
    const claims = decodeJwt(mintToken(SECRET, { sub: 'a', role: 'auditor' }, 60, NOW + 999));
    expect(claims).toMatchObject({ iat: NOW / 1000, exp: NOW / 1000 + 60 });
  });

  it.each([0, -60, 1.5, NaN, Infinity])('refuses a lifetime of %s seconds', (ttl) => {
    expect(() => mintToken(SECRET, { sub: 'a', role: 'auditor' }, ttl)).toThrow(RangeError);
  });
});
