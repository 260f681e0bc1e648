import { BundleSignerLine } from './bundle-signature';

/**
 * The lines of a bundle (format 2, docs/export-format.md): one JSON object per line, in this
 * order: the manifest, the events, the member keys, the seal, the signature. Every line carries
 * `hash`, the SHA-256 of its canonical form without `hash`; every line after the manifest carries
 * `prev`, the hash of the line before it. The signature, by the key the manifest names, covers
 * the manifest's hash and the seal's.
 */
export const BUNDLE_FORMAT = 'coop-federation-export';
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_MEDIA_TYPE = 'application/x-ndjson';

/** Where the members' keys are: not in the bundle, or wrapped with a key derived from a passphrase. */
export type PersonalDataKeys =
  { memberKeys: 'none' } | { memberKeys: 'wrapped'; kdf: ScryptParameters; cipher: 'aes-256-gcm' };

export interface ScryptParameters {
  name: 'scrypt';
  /** base64 */
  salt: string;
  N: number;
  r: number;
  p: number;
}

export interface ManifestLine {
  kind: 'manifest';
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  coopId: string;
  createdAt: string;
  /**
   * The part of the global log exported: every event of the coop from `from` up to and including
   * the event at checkpoint `through` (null when there is none), fixed before the first event was
   * written; `storeHead` is the store's head position at that moment.
   */
  positions: { from: 'start'; through: string | null; storeHead: number };
  eventCount: number;
  personalData: PersonalDataKeys;
  /** Who signs the bundle, with the public key that checks the signature line. */
  signer: BundleSignerLine;
  hash: string;
}

/** One recorded event, its full envelope flat on the line. */
export interface EventLine {
  kind: 'event';
  /** 1 for the first event of the bundle, then one more per event. */
  seq: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  occurredAt: string;
  coopId: string | null;
  actor: string;
  correlationId: string;
  causationId: string;
  data: unknown;
  prev: string;
  hash: string;
}

/** A member's key, wrapped (AES-256-GCM) with the key derived from the exporter's passphrase. */
export interface MemberKeyLine {
  kind: 'memberKey';
  seq: number;
  keyId: string;
  memberId: string;
  createdAt: string;
  wrapped: { iv: string; ciphertext: string; tag: string };
  prev: string;
  hash: string;
}

/** The last line: what the bundle holds, so that a cut after a complete line is still detected. */
export interface SealLine {
  kind: 'seal';
  eventCount: number;
  memberKeyCount: number;
  prev: string;
  hash: string;
}

/** After the seal, the last line: the signer's signature of `signedMessage(manifest, seal)`. */
export interface SignatureLine {
  kind: 'signature';
  /** base64 */
  signature: string;
  prev: string;
  hash: string;
}

export type BundleLine = ManifestLine | EventLine | MemberKeyLine | SealLine | SignatureLine;

/** A line before its hash is computed. */
export type Unhashed<L extends BundleLine> = Omit<L, 'hash'>;
