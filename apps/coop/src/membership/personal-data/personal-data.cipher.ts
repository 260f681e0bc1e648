import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedPersonalData } from '@libs/contracts';

/** What a coop knows of a member as a person; everything else about a member is not personal. */
export interface PersonalData {
  displayName: string | null;
  email: string | null;
}

const ALGORITHM = 'aes-256-gcm';

export function newMemberKey(): Buffer {
  return randomBytes(32);
}

/** Seals with the member's own key; the key id travels with the ciphertext, the key never does. */
export function seal(data: PersonalData, keyId: string, key: Buffer): SealedPersonalData {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function open(sealed: SealedPersonalData, key: Buffer): PersonalData {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.keyId));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const clear = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]);
  return JSON.parse(clear.toString('utf8')) as PersonalData;
}
