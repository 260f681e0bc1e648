import { randomBytes } from 'node:crypto';
import { resolveAuthSecret } from './auth-secret';
import { secretWeakness } from './secret-strength';

describe('the strength of a signing secret', () => {
  it.each([
    ['a random base64 secret', randomBytes(32).toString('base64')],
    ['a random hex secret', randomBytes(32).toString('hex')],
    ['a long passphrase', 'correct horse battery staple, on a bike, in the rain'],
  ])('accepts %s', (_case, secret) => {
    expect(secretWeakness(secret)).toBeNull();
  });

  it.each([
    ['16 bytes', 'aB3$kP9!qW2@zX7#', /16 bytes, at least 32/],
    ['31 bytes', 'Xk9#mP2$vL7!qR4@wN8^tB3&yH6*jD1', /31 bytes, at least 32/],
    ['one character repeated', 'a'.repeat(40), /one character repeated/],
    ['two characters cycled', 'ab'.repeat(20), /only 2 distinct characters/],
    ['a placeholder repeated', 'changeme-'.repeat(5), /placeholder "changeme"/],
    ["jwt.io's placeholder", 'your-256-bit-secret-your-256-bit-secret', /your256bitsecret/],
    ['the alphabet', 'abcdefghijklmnopqrstuvwxyz0123456789', /run of consecutive/],
    ['digits counting up', '0123456789'.repeat(4), /run of consecutive/],
  ])('refuses %s', (_case, secret, reason) => {
    expect(secretWeakness(secret)).toMatch(reason);
  });

  it('stops the app with the reason when AUTH_SECRET is weak', () => {
    expect(() => resolveAuthSecret({ AUTH_SECRET: 'aaaaaaaaaaaaaaaa' })).toThrow(
      /AUTH_SECRET is too weak to sign tokens: it has 16 bytes, at least 32 are needed/,
    );
  });
});
