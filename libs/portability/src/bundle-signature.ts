import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';

/**
 * Who signed a bundle, as its manifest says: the coop itself (its app, or the operator on the
 * coop app's database), or the consortium, when it exports a coop's history from its side. The
 * public key travels in the manifest; what makes it worth anything is comparing it with a key
 * known apart from the bundle (the consortium's registry, or one given to `verify --expect-key`).
 */
export interface BundleSignerLine {
  party: 'coop' | 'consortium';
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, DER, base64. */
  publicKey: string;
}

/** What signs a bundle as it is written: the private key stays inside `sign`. */
export interface BundleSigner {
  party: BundleSignerLine['party'];
  publicKey: string;
  sign(message: Buffer): Buffer;
}

export const SIGNATURE_ALGORITHM = 'Ed25519';

/** A new Ed25519 key pair: the public key as it travels, the private one as PKCS#8 DER. */
export function newSigningKey(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** A signer over a PKCS#8 private key, for the party that holds it. */
export function signerOf(
  party: BundleSigner['party'],
  publicKey: string,
  privateKey: Buffer,
): BundleSigner {
  const key = { key: privateKey, format: 'der', type: 'pkcs8' } as const;
  return { party, publicKey, sign: (message) => sign(null, message, key) };
}

/** The key's fingerprint: SHA-256 of its DER form, hex. What people compare and note down. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
}

/** The public key as an Ed25519 key object; null when it is not one. */
export function ed25519PublicKey(publicKey: unknown): KeyObject | null {
  if (typeof publicKey !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(publicKey)) return null;
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * What the signature covers: the manifest's hash (the header, with the signer's key and the coop)
 * and the seal's (the head of the chain, which covers every line), with the format's name so that
 * a signature made for something else never passes for one.
 */
export function signedMessage(manifestHash: string, sealHash: string): Buffer {
  return Buffer.from(`coop-federation-export/2\n${manifestHash}\n${sealHash}`);
}

export function signatureMatches(key: KeyObject, message: Buffer, signature: string): boolean {
  try {
    return verify(null, message, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Whether `expected` (a public key in base64, or a fingerprint in hex) names this key. A
 * fingerprint must be whole: a prefix is too easy to match with a key made for the purpose.
 */
export function keyMatches(publicKey: string, expected: string): boolean {
  return keyFingerprint(publicKey) === expectedFingerprint(expected);
}

/** The fingerprint an expectation names: itself, or that of the public key it gives. */
export function expectedFingerprint(expected: string): string {
  const wanted = expected.trim();
  return /^[0-9a-f]{64}$/i.test(wanted) ? wanted.toLowerCase() : keyFingerprint(wanted);
}
