import { KeyObject } from 'node:crypto';
import { eventContractProblem } from '@libs/contracts';
import { BrokenBundleError } from './broken-bundle';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleLine,
  EventLine,
  ManifestLine,
  MemberKeyLine,
  SealLine,
  SignatureLine,
} from './bundle-format';
import { BundleBytes, DEFAULT_MAX_LINE_BYTES, splitLines, TextLine } from './bundle-lines';
import {
  ed25519PublicKey,
  expectedFingerprint,
  keyFingerprint,
  keyMatches,
  signatureMatches,
  signedMessage,
} from './bundle-signature';
import { isHash, lineHash } from './hash-chain';
import { KeyWrapper } from './key-wrapping';
import {
  eventProblem,
  manifestProblem,
  memberKeyProblem,
  sealProblem,
  signatureProblem,
  unwritableText,
} from './line-shape';
import { MemberKey } from './member-keys';

export interface VerifyOptions {
  /** Also opens every wrapped member key, so that a wrong passphrase is found before any write. */
  passphrase?: string;
  /**
   * The seal's hash as noted at export time, kept apart from the bundle: the chain alone cannot
   * tell a bundle rewritten from end to end (every hash recomputed) from the original.
   */
  sealHash?: string;
  /**
   * The signer's key as known apart from the bundle (its public key in base64, or its SHA-256
   * fingerprint in hex): a bundle signed by any other key is refused at its manifest. Without it,
   * the signature only proves the bundle is as its signer wrote it, whoever that was.
   */
  expectKey?: string;
  /** The longest line accepted, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

/** Who signed the bundle, as its manifest says and its signature proves. */
export interface BundleSignerSummary {
  party: 'coop' | 'consortium';
  /** The coop whose history it is (and, when `party` is `coop`, whose key signed it). */
  coopId: string;
  publicKey: string;
  fingerprint: string;
  /** Whether the key was compared with one given by the caller (`expectKey`). */
  checked: boolean;
}

/** A verified line, handed over only once every check on it and on the lines before it passed. */
export type BundleEntry =
  | { kind: 'manifest'; line: number; manifest: ManifestLine }
  | { kind: 'event'; line: number; event: EventLine }
  /** `memberKey` is the unwrapped key, when a passphrase was given. */
  | { kind: 'memberKey'; line: number; keyLine: MemberKeyLine; memberKey?: MemberKey }
  | { kind: 'seal'; line: number; seal: SealLine };

export interface BundleSummary {
  manifest: ManifestLine;
  eventCount: number;
  memberKeyCount: number;
  sealHash: string;
  lineCount: number;
  signer: BundleSignerSummary;
}

/**
 * Reads a bundle line by line and checks, in one pass and in constant memory: each line is
 * complete JSON whose hash matches its content, chained to the line before by `prev`, numbered in
 * sequence, of the expected kind in the expected order; each event is one an app of the
 * federation could have written (its contract in `@libs/contracts`: type, schema version, payload
 * shape, amounts within bounds, in the coop's own streams) and no text holds a NUL or a lone
 * surrogate; the counts of the manifest and the seal match what the bundle holds; the signature
 * after the seal is the manifest's signer's, and that signer is the expected one. Throws
 * BrokenBundleError at the first problem, naming the line. A consumer must treat what it was
 * handed as sound only once the generator returned (the signature is checked last).
 */
export async function* verifiedEntries(
  chunks: BundleBytes,
  options: VerifyOptions = {},
): AsyncGenerator<BundleEntry, BundleSummary> {
  let manifest: ManifestLine | undefined;
  let wrapper: KeyWrapper | undefined;
  let prev = '';
  let events = 0;
  let keys = 0;
  let seal: { line: SealLine; number: number } | undefined;
  let signed: { line: SignatureLine; number: number } | undefined;
  let signerKey: KeyObject | undefined;
  let lastLine = 0;

  for await (const raw of splitLines(chunks, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) {
    lastLine = raw.number;
    const line = parseLine(raw, raw.number === 1);
    const fail = (problem: string) => new BrokenBundleError(raw.number, placeOf(line), problem);
    if (signed) {
      throw fail(`a line after the signature (line ${signed.number}): the bundle was extended`);
    }

    if (!manifest) {
      manifest = checkManifest(line, fail);
      signerKey = ed25519PublicKey(manifest.signer.publicKey)!;
      if (
        options.expectKey !== undefined &&
        !keyMatches(manifest.signer.publicKey, options.expectKey)
      ) {
        throw fail(
          `signed by ${signerName(manifest)} with key ${keyFingerprint(manifest.signer.publicKey)}, ` +
            `not the expected key ${expectedFingerprint(options.expectKey)}: refused`,
        );
      }
      if (options.passphrase !== undefined && manifest.personalData.memberKeys === 'wrapped') {
        wrapper = await KeyWrapper.derive(
          options.passphrase,
          manifest.personalData.kdf,
          manifest.coopId,
        );
      }
      prev = line.hash;
      yield { kind: 'manifest', line: raw.number, manifest };
      continue;
    }
    if (line.kind === 'manifest') throw fail('a second manifest');
    if (seal) {
      if (line.kind !== 'signature') {
        throw fail(`a line after the seal (line ${seal.number}): the bundle was extended`);
      }
      const shape = signatureProblem(line as unknown as Record<string, unknown>);
      if (shape) throw fail(shape);
      checkPrev(line, prev, raw.number, fail);
      if (
        !signatureMatches(signerKey!, signedMessage(manifest.hash, seal.line.hash), line.signature)
      ) {
        throw fail(
          `the signature is not one by the key the manifest names (${keyFingerprint(manifest.signer.publicKey)}): ` +
            'the bundle was changed after it was signed, even if every hash was recomputed',
        );
      }
      signed = { line, number: raw.number };
      continue;
    }
    if (line.kind === 'signature') throw fail('a signature before the seal');
    const expected = manifest.eventCount;

    if (line.kind === 'event') {
      const shape = eventProblem(line as unknown as Record<string, unknown>);
      if (shape) throw fail(shape);
      if (keys > 0) throw fail('an event after the member keys: lines were moved');
      if (line.seq !== events + 1) {
        throw fail(
          `event #${line.seq} found where #${events + 1} was expected: an event was removed, ` +
            'inserted, duplicated or moved',
        );
      }
      if (line.seq > expected) {
        throw fail(`the manifest announces ${expected} events: this one is beyond them`);
      }
      checkPrev(line, prev, raw.number, fail);
      if (line.coopId !== manifest.coopId) {
        throw fail(`the event belongs to coop ${line.coopId}, not to ${manifest.coopId}`);
      }
      const contract = unwritableText(line) ?? eventContractProblem(line, manifest.coopId);
      if (contract) throw fail(contract);
      events++;
      prev = line.hash;
      yield { kind: 'event', line: raw.number, event: line };
      continue;
    }

    if (events < expected) {
      throw fail(
        `found after ${events} events, where the manifest announces ${expected}: ` +
          `event #${events + 1} and later ones are missing`,
      );
    }
    if (line.kind === 'memberKey') {
      const shape = memberKeyProblem(line as unknown as Record<string, unknown>);
      if (shape) throw fail(shape);
      if (manifest.personalData.memberKeys !== 'wrapped') {
        throw fail('a member key, where the manifest says no member key travels');
      }
      if (line.seq !== keys + 1) {
        throw fail(`member key #${line.seq} found where #${keys + 1} was expected`);
      }
      checkPrev(line, prev, raw.number, fail);
      keys++;
      prev = line.hash;
      yield {
        kind: 'memberKey',
        line: raw.number,
        keyLine: line,
        memberKey: wrapper && openKey(wrapper, line, keys, fail),
      };
      continue;
    }

    // The seal: the only kind left that parseLine lets through.
    const shape = sealProblem(line as unknown as Record<string, unknown>);
    if (shape) throw fail(shape);
    checkPrev(line, prev, raw.number, fail);
    if (line.eventCount !== events || line.memberKeyCount !== keys) {
      throw fail(
        `the seal counts ${line.eventCount} events and ${line.memberKeyCount} member keys, ` +
          `the bundle holds ${events} and ${keys}`,
      );
    }
    if (options.sealHash !== undefined && line.hash !== options.sealHash.toLowerCase()) {
      throw fail(
        `the seal's hash is ${line.hash}, not the ${options.sealHash} noted at export: ` +
          'the bundle was rewritten',
      );
    }
    seal = { line, number: raw.number };
    prev = line.hash;
    yield { kind: 'seal', line: raw.number, seal: line };
  }

  if (!manifest) throw new BrokenBundleError(null, null, 'empty: not even a manifest');
  if (!seal) {
    throw new BrokenBundleError(
      lastLine + 1,
      'seal',
      `missing: the bundle stops after line ${lastLine} ` +
        `(${events} of ${manifest.eventCount} events, ${keys} member keys): it was cut short`,
    );
  }
  if (!signed) {
    throw new BrokenBundleError(
      lastLine + 1,
      'signature',
      `missing: the bundle stops after its seal (line ${lastLine}), unsigned: it was cut short`,
    );
  }
  return {
    manifest,
    eventCount: events,
    memberKeyCount: keys,
    sealHash: seal.line.hash,
    lineCount: lastLine,
    signer: {
      party: manifest.signer.party,
      coopId: manifest.coopId,
      publicKey: manifest.signer.publicKey,
      fingerprint: keyFingerprint(manifest.signer.publicKey),
      checked: options.expectKey !== undefined,
    },
  };
}

/** Verifies a whole bundle; throws BrokenBundleError at the first problem. */
export function verifyBundle(
  chunks: BundleBytes,
  options: VerifyOptions = {},
): Promise<BundleSummary> {
  return forEachEntry(verifiedEntries(chunks, options), async () => undefined);
}

/** Hands every verified entry to `handle`, in order, and returns the bundle's summary. */
export async function forEachEntry(
  entries: AsyncGenerator<BundleEntry, BundleSummary>,
  handle: (entry: BundleEntry) => Promise<void>,
): Promise<BundleSummary> {
  for (;;) {
    const next = await entries.next();
    if (next.done) return next.value;
    await handle(next.value);
  }
}

/** The manifest alone (its own hash checked), without reading further. */
export async function readManifest(chunks: BundleBytes): Promise<ManifestLine> {
  const entries = verifiedEntries(chunks);
  try {
    const first = await entries.next();
    if (first.done || first.value.kind !== 'manifest') {
      throw new BrokenBundleError(null, null, 'empty: not even a manifest');
    }
    return first.value.manifest;
  } finally {
    await entries.return(undefined as never);
  }
}

type Fail = (problem: string) => BrokenBundleError;

/** JSON, an object, a known kind, a well-formed hash that matches the content. */
function parseLine(raw: TextLine, first: boolean): BundleLine {
  const fail = (problem: string) => new BrokenBundleError(raw.number, null, problem);
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch (error) {
    if (!raw.terminated) throw fail('truncated: the last line is cut off in the middle');
    throw fail(`not valid JSON (${(error as Error).message})`);
  }
  if (!raw.terminated) {
    throw fail('truncated: the last line has no newline, the bundle was cut short');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail('not a JSON object');
  }
  const line = value as BundleLine;
  if (!['manifest', 'event', 'memberKey', 'seal', 'signature'].includes(line.kind)) {
    throw fail(`not a bundle line (kind ${JSON.stringify(line.kind)})`);
  }
  // A future format may hash otherwise: say so rather than report a hash mismatch.
  if (first && line.kind === 'manifest') checkFormat(line, fail);
  if (!isHash(line.hash)) throw fail('no valid hash (64 hex digits)');
  const actual = lineHash(line);
  if (actual !== line.hash) {
    throw new BrokenBundleError(
      raw.number,
      placeOf(line),
      `hash mismatch: the line was changed after it was written ` +
        `(its content hashes to ${actual.slice(0, 12)}…, its hash says ${line.hash.slice(0, 12)}…)`,
    );
  }
  return line;
}

function checkFormat(line: ManifestLine, fail: Fail): void {
  if (line.format !== BUNDLE_FORMAT) {
    throw fail(`not a ${BUNDLE_FORMAT} bundle (format ${JSON.stringify(line.format)})`);
  }
  if (line.formatVersion === 1) {
    throw fail(
      'format version 1 bundles carry no signature, so nothing tells one rewritten from end to ' +
        `end from the original: this tool reads version ${BUNDLE_FORMAT_VERSION}; export the history again`,
    );
  }
  if (line.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw fail(
      `format version ${JSON.stringify(line.formatVersion)} is not supported ` +
        `(this tool reads version ${BUNDLE_FORMAT_VERSION})`,
    );
  }
}

function checkManifest(line: BundleLine, fail: Fail): ManifestLine {
  if (line.kind !== 'manifest') throw fail('the first line must be the manifest');
  const shape = manifestProblem(line as unknown as Record<string, unknown>);
  if (shape) throw fail(shape);
  return line;
}

function checkPrev(line: { prev?: unknown }, prev: string, number: number, fail: Fail): void {
  if (line.prev !== prev) {
    throw fail(
      `its prev is not the hash of line ${number - 1}: ` +
        'a line before it was removed, inserted, replaced or moved',
    );
  }
}

function openKey(wrapper: KeyWrapper, line: MemberKeyLine, seq: number, fail: Fail): MemberKey {
  try {
    return {
      keyId: line.keyId,
      memberId: line.memberId,
      createdAt: new Date(line.createdAt),
      key: wrapper.unwrap(line.keyId, line.memberId, line.wrapped),
    };
  } catch {
    throw fail(
      seq === 1
        ? 'does not open with this passphrase: not the one the bundle was exported with'
        : 'does not open with this passphrase, though the keys before it did',
    );
  }
}

/** `coop velo-solidaire` or `the consortium`. */
export function signerName(manifest: Pick<ManifestLine, 'coopId' | 'signer'>): string {
  return manifest.signer.party === 'coop' ? `coop ${manifest.coopId}` : 'the consortium';
}

/** What a line says it is, to name it in messages (even when the rest of it is wrong). */
function placeOf(line: BundleLine): string {
  const value = line as unknown as Record<string, unknown>;
  const id = (name: string) => (typeof value[name] === 'string' ? `, ${name} ${value[name]}` : '');
  const seq = typeof value.seq === 'number' ? ` #${value.seq}` : '';
  switch (line.kind) {
    case 'event':
      return `event${seq}${id('eventId')}`;
    case 'memberKey':
      return `member key${seq}${id('keyId')}`;
    default:
      return line.kind;
  }
}
