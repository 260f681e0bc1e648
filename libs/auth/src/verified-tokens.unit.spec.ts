import { InvalidToken, mintToken } from './token';
import { VerifiedTokens } from './verified-tokens';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = Date.UTC(2027, 2, 1, 12);

describe('verified tokens', () => {
  it('answers a known token as its first verification did, until it expires', () => {
    const tokens = new VerifiedTokens(SECRET);
    const token = mintToken(SECRET, { sub: 'anna', role: 'coop-admin', coopId: 'c' }, 60, NOW);
    const actor = { sub: 'anna', role: 'coop-admin', coopId: 'c' };
    expect(tokens.verify(token, NOW)).toEqual(actor);
    expect(tokens.verify(token, NOW + 59_999)).toEqual(actor);
    expect(() => tokens.verify(token, NOW + 60_000)).toThrow('token expired');
  });

  it('keeps no refusal: a bad token is refused every time', () => {
    const tokens = new VerifiedTokens(SECRET);
    const forged = mintToken('another-secret-of-enough-length', { sub: 'x', role: 'auditor' });
    expect(() => tokens.verify(forged)).toThrow(InvalidToken);
    expect(() => tokens.verify(forged)).toThrow(InvalidToken);
  });

  it('holds at most its capacity, the least recently used leaving first', () => {
    const tokens = new VerifiedTokens(SECRET, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((sub) =>
      mintToken(SECRET, { sub, role: 'auditor' }, 60, NOW),
    );
    tokens.verify(a, NOW);
    tokens.verify(b, NOW);
    tokens.verify(a, NOW); // a is now the most recently used
    tokens.verify(c, NOW); // so b leaves
    const held = (tokens as unknown as { verified: Map<string, unknown> }).verified;
    expect([...held.keys()]).toEqual([a, c]);
  });
});
