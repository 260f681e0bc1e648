import { EventStore, RecordedEvent, START, untilReadable } from '@libs/event-store';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  EventLine,
  ManifestLine,
  MemberKeyLine,
  PersonalDataKeys,
  SealLine,
  SignatureLine,
  Unhashed,
} from './bundle-format';
import { BundleSigner, SIGNATURE_ALGORITHM, signedMessage } from './bundle-signature';
import { hashedLine } from './hash-chain';
import { assertPassphrase, KeyWrapper, newScryptParameters } from './key-wrapping';
import { MemberKeySource } from './member-keys';
import { inChunks } from './text-chunks';

export interface ExportSource {
  store: EventStore;
  coopId: string;
  /** Signs the bundle: the coop's own key, or the consortium's when it exports a coop's history. */
  signer: BundleSigner;
  /** The coop's member keys: only the coop's side (its app, its database) has them. */
  memberKeys?: MemberKeySource;
  /** Wraps the member keys into the bundle; without it no key travels. */
  passphrase?: string;
  now?: Date;
  /** Events per page read from the store. */
  pageSize?: number;
  /**
   * The history of what became the coop rather than the coop's own: the events of the streams
   * under this prefix (a project the consortium incubated), which the bundle carries as the coop's.
   */
  streamPrefix?: string;
}

/** A bundle whose range and count are fixed, ready to be streamed once. */
export interface PreparedBundle {
  manifest: ManifestLine;
  /** The bundle's text in chunks of about 64 KiB, read from the store as the consumer pulls. */
  text(): AsyncGenerator<string>;
  /** The seal once the text was written to its end (its hash stands for the whole bundle). */
  sealed(): SealLine | undefined;
}

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Fixes what the bundle holds before writing a byte of it: one pass over the coop's events counts
 * them and notes the last one's checkpoint. The store's global order never puts an event behind
 * one already read, so the first `eventCount` events of the second pass are exactly these, and
 * whatever is appended meanwhile falls after them and stays out. Failing here (a store down, a
 * bad passphrase) fails before any answer has started.
 */
export async function prepareBundle(source: ExportSource): Promise<PreparedBundle> {
  const { store, coopId, passphrase, memberKeys, signer, streamPrefix } = source;
  const filter = streamPrefix === undefined ? { coopId } : { streamPrefix };
  const pageSize = source.pageSize ?? DEFAULT_PAGE_SIZE;
  if (passphrase !== undefined) {
    assertPassphrase(passphrase);
    if (!memberKeys) throw new Error('member keys can only be exported where they are kept');
  }
  // What was recorded before the export was asked for is in it: an answer just given (an erasure,
  // a last payment) may wait behind an older transaction still open; past the wait, the bundle
  // holds what is readable, and its manifest names the head it did not reach.
  const storeHead = await store.headPosition();
  await untilReadable(store, storeHead);
  let eventCount = 0;
  let through: string | null = null;
  for await (const event of store.readAll(START, { filter, pageSize })) {
    eventCount++;
    through = event.checkpoint;
  }

  let personalData: PersonalDataKeys = { memberKeys: 'none' };
  let wrapper: KeyWrapper | undefined;
  if (passphrase !== undefined) {
    const kdf = newScryptParameters();
    wrapper = await KeyWrapper.derive(passphrase, kdf, coopId);
    personalData = { memberKeys: 'wrapped', kdf, cipher: 'aes-256-gcm' };
  }
  const manifest = hashedLine<ManifestLine>({
    kind: 'manifest',
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    coopId,
    createdAt: (source.now ?? new Date()).toISOString(),
    positions: { from: 'start', through, storeHead },
    eventCount,
    personalData,
    signer: { party: signer.party, algorithm: SIGNATURE_ALGORITHM, publicKey: signer.publicKey },
  });

  let sealed: SealLine | undefined;
  async function* lines(): AsyncGenerator<string> {
    yield manifest.text;
    let prev = manifest.hash;
    let seq = 0;
    for await (const event of store.readAll(START, {
      filter,
      pageSize,
      maxCount: eventCount,
    })) {
      const line = hashedLine<EventLine>(eventLine(event, ++seq, prev, streamPrefix && coopId));
      yield line.text;
      prev = line.hash;
    }
    if (seq !== eventCount) {
      // Left without its seal, the bundle shows itself broken to whoever verifies it.
      throw new Error(
        `the store returned ${seq} of the ${eventCount} events counted for ${coopId}`,
      );
    }
    let keys = 0;
    if (wrapper && memberKeys) {
      for await (const { keyId, memberId, key, createdAt } of memberKeys.keys()) {
        const line = hashedLine<MemberKeyLine>({
          kind: 'memberKey',
          seq: ++keys,
          keyId,
          memberId,
          createdAt: createdAt.toISOString(),
          wrapped: wrapper.wrap(keyId, memberId, key),
          prev,
        });
        yield line.text;
        prev = line.hash;
      }
    }
    const seal = hashedLine<SealLine>({ kind: 'seal', eventCount, memberKeyCount: keys, prev });
    yield seal.text;
    const signature = signer.sign(signedMessage(manifest.hash, seal.hash)).toString('base64');
    yield hashedLine<SignatureLine>({ kind: 'signature', signature, prev: seal.hash }).text;
    sealed = JSON.parse(seal.text) as SealLine;
  }

  return {
    manifest: JSON.parse(manifest.text) as ManifestLine,
    text: () => inChunks(lines()),
    sealed: () => sealed,
  };
}

/** `asCoop`: the coop whose pre-history the event is, when it was recorded before the coop was. */
function eventLine(
  event: RecordedEvent,
  seq: number,
  prev: string,
  asCoop?: string,
): Unhashed<EventLine> {
  return {
    kind: 'event',
    seq,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    occurredAt: event.occurredAt.toISOString(),
    coopId: asCoop || event.metadata.coopId,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: event.data ?? null,
    prev,
  };
}
