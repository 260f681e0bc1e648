import { createHmac } from 'node:crypto';
import { InvalidToken, mintToken, verifyToken } from './token';

const SECRET = 'a-test-secret-of-enough-length';

describe('tokens', () => {
  it('round-trips an actor', () => {
    const token = mintToken(SECRET, { sub: 'anna', role: 'coop-admin', coopId: 'velo-solidaire' });
    expect(verifyToken(SECRET, token)).toEqual({
      sub: 'anna',
      role: 'coop-admin',
      coopId: 'velo-solidaire',
    });
  });

  it('refuses another secret, an expired token, an unknown role and alg none', () => {
    const token = mintToken(SECRET, { sub: 'anna', role: 'auditor' });
    expect(() => verifyToken('another-secret-of-enough-length', token)).toThrow(InvalidToken);
    const old = mintToken(SECRET, { sub: 'anna', role: 'auditor' }, 60, Date.now() - 3600_000);
    expect(() => verifyToken(SECRET, old)).toThrow('token expired');

    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const forge = (header: object, claims: object) => {
      const body = `${b64(header)}.${b64(claims)}`;
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    expect(() => verifyToken(SECRET, forge({ alg: 'HS256' }, { sub: 'x', role: 'root' }))).toThrow(
      'known role',
    );
    expect(() =>
      verifyToken(SECRET, forge({ alg: 'none' }, { sub: 'x', role: 'auditor' })),
    ).toThrow('HS256');
    expect(() =>
      verifyToken(SECRET, `${b64({ alg: 'none' })}.${b64({ sub: 'x', role: 'auditor' })}.`),
    ).toThrow(InvalidToken);
  });
});
