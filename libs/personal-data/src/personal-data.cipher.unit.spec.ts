import { newMemberKey, open, openNote, seal, sealNote } from './personal-data.cipher';

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

  it('seals a note about the member with the same key, readable only as a note', () => {
    const key = newMemberKey();
    const note = sealNote('Mario Rossi (born 1970-01-01) broke the statute', 'key-1', key);
    expect(JSON.stringify(note)).not.toMatch(/Mario|Rossi|1970/);
    expect(openNote(note, key)).toBe('Mario Rossi (born 1970-01-01) broke the statute');
    // A note passed off as personal data, or the other way round, does not open.
    expect(() => open(note, key)).toThrow();
    expect(() => openNote(seal(person, 'key-1', key), key)).toThrow();
    // Once the key is destroyed no other key opens it.
    expect(() => openNote(note, newMemberKey())).toThrow();
  });
});
