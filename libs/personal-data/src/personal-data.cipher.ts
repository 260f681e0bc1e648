import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedPersonalData } from '@libs/contracts';

/** What a coop knows of a member as a person; everything else about a member is not personal. */
export interface PersonalData {
  displayName: string | null;
  email: string | null;
}

const ALGORITHM = 'aes-256-gcm';

/**
 * What a sealed value is, bound into it as additional data: a sealed exit reason moved into a
 * member's personal data (or back) does not open. Names and e-mails were sealed with the key id
 * alone before notes existed, and still are, so that every recorded event keeps opening.
 */
type Purpose = 'personal-data' | 'note';

function additionalData(keyId: string, purpose: Purpose): Buffer {
  return Buffer.from(purpose === 'personal-data' ? keyId : `${keyId}/${purpose}`);
}

export function newMemberKey(): Buffer {
  return randomBytes(32);
}

/** Seals with the member's own key; the key id travels with the ciphertext, the key never does. */
export function seal(data: PersonalData, keyId: string, key: Buffer): SealedPersonalData {
  return sealJson(data, 'personal-data', keyId, key);
}

export function open(sealed: SealedPersonalData, key: Buffer): PersonalData {
  return openJson(sealed, 'personal-data', key) as PersonalData;
}

/** A free text about the member (an exit's reason), sealed with the member's key like their name. */
export function sealNote(text: string, keyId: string, key: Buffer): SealedPersonalData {
  return sealJson(text, 'note', keyId, key);
}

export function openNote(sealed: SealedPersonalData, key: Buffer): string {
  return openJson(sealed, 'note', key) as string;
}

function sealJson(
  value: unknown,
  purpose: Purpose,
  keyId: string,
  key: Buffer,
): SealedPersonalData {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(additionalData(keyId, purpose));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

function openJson(sealed: SealedPersonalData, purpose: Purpose, key: Buffer): unknown {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(additionalData(sealed.keyId, purpose));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const clear = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]);
  return JSON.parse(clear.toString('utf8'));
}
