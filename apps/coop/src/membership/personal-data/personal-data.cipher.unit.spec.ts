import { newMemberKey, open, seal } from './personal-data.cipher';

describe('sealed personal data', () => {
  const person = { displayName: 'Giulia Bianchi', email: 'giulia@example.org' };

  it('opens with the member’s key and shows nothing in clear', () => {
    const key = newMemberKey();
    const sealed = seal(person, 'key-1', key);
    expect(JSON.stringify(sealed)).not.toMatch(/Giulia|giulia|example/);
    expect(open(sealed, key)).toEqual(person);
  });

  it('does not open with another key, nor when tampered with', () => {
    const sealed = seal(person, 'key-1', newMemberKey());
    expect(() => open(sealed, newMemberKey())).toThrow();
    const key = newMemberKey();
    const good = seal(person, 'key-1', key);
    const flipped = Buffer.from(good.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => open({ ...good, ciphertext: flipped.toString('base64') }, key)).toThrow();
    expect(() => open({ ...good, keyId: 'key-2' }, key)).toThrow();
  });
});
