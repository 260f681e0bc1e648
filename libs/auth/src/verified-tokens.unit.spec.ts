import { InvalidToken, mintToken } from './token';
import { TokenVerifier } from './token-verifier';
import { VerifiedTokens } from './verified-tokens';

const SECRET = 'a-test-secret-of-enough-length-32b';
const NOW = Date.UTC(2027, 2, 1, 12);
const verifier = () =>
  new TokenVerifier(SECRET, { maxLifetimeSeconds: 86400, clockToleranceSeconds: 0 });

describe('verified tokens', () => {
  it('answers a known token as its first verification did, until it expires', async () => {
    const tokens = new VerifiedTokens(verifier());
    const token = mintToken(SECRET, { sub: 'anna', role: 'coop-admin', coopId: 'c' }, 60, NOW);
    const actor = { sub: 'anna', role: 'coop-admin', coopId: 'c' };
    await expect(tokens.verify(token, NOW)).resolves.toEqual(actor);
    await expect(tokens.verify(token, NOW + 59_999)).resolves.toEqual(actor);
    await expect(tokens.verify(token, NOW + 60_000)).rejects.toThrow('token expired');
  });

  it('keeps no refusal: a bad token is refused every time', async () => {
    const tokens = new VerifiedTokens(verifier());
    const forged = mintToken('another-secret-of-enough-length', { sub: 'x', role: 'auditor' });
    await expect(tokens.verify(forged)).rejects.toThrow(InvalidToken);
    await expect(tokens.verify(forged)).rejects.toThrow(InvalidToken);
  });

  it('holds at most its capacity, the least recently used leaving first', async () => {
    const tokens = new VerifiedTokens(verifier(), 2);
    const [a, b, c] = ['a', 'b', 'c'].map((sub) =>
      mintToken(SECRET, { sub, role: 'auditor' }, 60, NOW),
    );
    await tokens.verify(a, NOW);
    await tokens.verify(b, NOW);
    await tokens.verify(a, NOW); // a is now the most recently used
    await tokens.verify(c, NOW); // so b leaves
    const held = (tokens as unknown as { verified: Map<string, unknown> }).verified;
    expect([...held.keys()]).toEqual([a, c]);
  });
});
