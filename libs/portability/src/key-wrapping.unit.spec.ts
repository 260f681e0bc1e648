import { randomBytes } from 'node:crypto';
import { KeyWrapper, newScryptParameters, assertPassphrase } from './key-wrapping';

describe('member keys wrapped with a passphrase', () => {
  const key = randomBytes(32);
  const kdf = newScryptParameters();

  it('unwraps with the same passphrase, and only for the same coop, key and member', async () => {
    const wrapper = await KeyWrapper.derive('a long enough passphrase', kdf, 'velo-solidaire');
    const wrapped = wrapper.wrap('key-1', 'member-1', key);
    expect(wrapped.ciphertext).not.toContain(key.toString('base64'));
    expect(wrapper.unwrap('key-1', 'member-1', wrapped)).toEqual(key);
    expect(() => wrapper.unwrap('key-1', 'member-2', wrapped)).toThrow();
    const otherCoop = await KeyWrapper.derive('a long enough passphrase', kdf, 'casa-comune');
    expect(() => otherCoop.unwrap('key-1', 'member-1', wrapped)).toThrow();
  });

  it('does not unwrap with another passphrase', async () => {
    const wrapped = (await KeyWrapper.derive('a long enough passphrase', kdf, 'c')).wrap(
      'k',
      'm',
      key,
    );
    const wrong = await KeyWrapper.derive('another long passphrase', kdf, 'c');
    expect(() => wrong.unwrap('k', 'm', wrapped)).toThrow();
  });

  it('refuses short passphrases and key derivations too costly to be honest', async () => {
    expect(() => assertPassphrase('short')).toThrow(/at least 12/);
    await expect(
      KeyWrapper.derive('a long enough passphrase', { ...kdf, N: 2 ** 30 }, 'c'),
    ).rejects.toThrow(/unsupported key derivation/);
  });
});
