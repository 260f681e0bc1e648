import { coopStreamPrefix, CONSORTIUM_STREAM_PREFIX } from '@libs/contracts';
import {
  AtomicAppends,
  EventIdConflictError,
  EventStore,
  NewEvent,
  START,
  untilReadable,
  WrongExpectedVersionError,
} from '@libs/event-store';
import { BrokenBundleError } from './broken-bundle';
import { EventLine, ManifestLine } from './bundle-format';
import { BundleBytes } from './bundle-lines';
import {
  BundleSummary,
  forEachEntry,
  readManifest,
  verifiedEntries,
  VerifyOptions,
} from './bundle-verifier';
import { MemberKey, MemberKeySink } from './member-keys';

export interface ImportTarget {
  store: EventStore;
  /** Where the member keys go back (the coop's database). */
  memberKeys?: MemberKeySink;
}

export interface ImportOptions {
  /** The passphrase the bundle was exported with, to put the member keys back. */
  passphrase?: string;
  /** Import a bundle that carries member keys without them: its personal data stays sealed. */
  withoutPersonalData?: boolean;
  /** The key the bundle must be signed with (VerifyOptions.expectKey). */
  expectKey?: string;
  /** The longest line accepted, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

export interface ImportReport {
  coopId: string;
  eventCount: number;
  /** Events of the coop's own streams written now. */
  appended: number;
  /** Events of the coop's own streams the store already held (an earlier import). */
  alreadyPresent: number;
  /** The consortium's events about the coop: verified, kept in the bundle, not written. */
  consortiumEvents: number;
  /** All of the coop's events in one transaction (PostgreSQL), or stream by stream (see README). */
  atomic: boolean;
  signer: BundleSummary['signer'];
  /** The seal's hash: it stands for the whole bundle imported. */
  sealHash: string;
  memberKeys: { saved: number; alreadyPresent: number } | 'none in the bundle' | 'left out';
}

/** The bundle is sound but cannot go into this store (or not without a passphrase). */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

const MAX_EVENTS_PER_APPEND = 500;
const KEYS_PER_SAVE = 500;

/**
 * Imports a bundle into a store, writing nothing unless all of it is sound. `open` is called once
 * per pass: the bundle is streamed each time, never held in memory.
 *
 * 1. Verify everything (chain, signature and signer, every event against its contract, stream
 *    versions, the passphrase on every key) without touching any database: `connect` is only
 *    called once this passed.
 * 2. When the store already holds some of the coop's streams, check that they are a beginning of
 *    the bundle's (an earlier import), else refuse.
 * 3. Append what is not there yet, each event with its own id and stream version (expected
 *    version = its version − 1), in the bundle's order: in one transaction where the store can
 *    (`appendAtomically`, PostgreSQL), so that any failure, even a bundle changed between passes,
 *    leaves nothing; else stream by stream (an interrupted import finishes when run again).
 * 4. Save the member keys (an existing key id is left as it is).
 *
 * Importing twice therefore writes nothing the second time. The consortium's events stay in the
 * bundle (docs/export-format.md says why).
 */
export async function importBundle(
  open: () => BundleBytes,
  connect: (manifest: ManifestLine) => Promise<ImportTarget>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const announced = await readManifest(open());
  const wrapped = announced.personalData.memberKeys === 'wrapped';
  const keysTravel = wrapped && !options.withoutPersonalData;
  if (keysTravel && options.passphrase === undefined) {
    throw new ImportRefused(
      "the bundle carries the members' keys, wrapped with the exporter's passphrase: give that " +
        'passphrase, or import without personal data (names and e-mails then stay sealed)',
    );
  }
  const reading = { expectKey: options.expectKey, maxLineBytes: options.maxLineBytes };
  const verifyOptions: VerifyOptions = keysTravel
    ? { ...reading, passphrase: options.passphrase }
    : reading;
  const checked = await checkForImport(open(), verifyOptions);
  const { manifest } = checked.summary;

  const target = await connect(manifest);
  if (keysTravel && !target.memberKeys) {
    throw new ImportRefused('the bundle carries member keys but there is nowhere to put them');
  }
  const coopPrefix = coopStreamPrefix(manifest.coopId);
  const present = await presentPrefix(open(), target.store, coopPrefix, reading);

  /** Every pass reads the bundle again: it must be the one pass 1 checked, to its last byte. */
  const sameBundle = (summary: BundleSummary) => {
    if (summary.sealHash !== checked.summary.sealHash) {
      throw new ImportRefused('the bundle changed while it was being imported');
    }
  };
  const appendAll = async (appends: Appends, atomic: boolean) => {
    const events = new EventAppender(appends, atomic);
    let skip = present;
    sameBundle(
      await forEachEntry(verifiedEntries(open(), reading), async (entry) => {
        if (entry.kind !== 'event' || !entry.event.streamId.startsWith(coopPrefix)) return;
        if (skip > 0) skip--;
        else await events.add(entry.event);
      }),
    );
    await events.flush();
    return events;
  };
  const atomic = target.store.appendAtomically !== undefined;
  const events = atomic
    ? await target.store.appendAtomically!((appends) => appendAll(appends, true))
    : await appendAll(target.store, false);

  const keys = new KeySaver(target.memberKeys);
  if (keysTravel) {
    sameBundle(
      await forEachEntry(verifiedEntries(open(), verifyOptions), async (entry) => {
        if (entry.kind === 'memberKey') await keys.add(entry.memberKey!);
      }),
    );
    await keys.flush();
  }

  return {
    coopId: manifest.coopId,
    eventCount: manifest.eventCount,
    appended: events.appended,
    alreadyPresent: present + events.alreadyPresent,
    consortiumEvents: checked.consortiumEvents,
    atomic,
    signer: checked.summary.signer,
    sealHash: checked.summary.sealHash,
    memberKeys: !wrapped
      ? 'none in the bundle'
      : keysTravel
        ? { saved: keys.saved, alreadyPresent: checked.summary.memberKeyCount - keys.saved }
        : 'left out',
  };
}

/**
 * Pass 1: the bundle verified, and fit for import: every event in a stream of its coop, each
 * stream's versions following on without a gap, or in a stream of the consortium. Memory grows
 * with the number of the coop's streams (one number each), not with its events.
 */
async function checkForImport(
  chunks: BundleBytes,
  options: VerifyOptions,
): Promise<{ summary: BundleSummary; consortiumEvents: number }> {
  const versions = new Map<string, number>();
  let coopPrefix = '';
  let consortiumEvents = 0;
  const summary = await forEachEntry(verifiedEntries(chunks, options), async (entry) => {
    if (entry.kind === 'manifest') coopPrefix = coopStreamPrefix(entry.manifest.coopId);
    if (entry.kind !== 'event') return;
    const { streamId, streamVersion } = entry.event;
    const place = `event #${entry.event.seq}, eventId ${entry.event.eventId}`;
    if (streamId.startsWith(CONSORTIUM_STREAM_PREFIX)) {
      consortiumEvents++;
    } else if (streamId.startsWith(coopPrefix)) {
      const before = versions.get(streamId) ?? 0;
      if (streamVersion !== before + 1) {
        throw new BrokenBundleError(
          entry.line,
          place,
          `stream ${streamId} goes from version ${before} to ${streamVersion}: events are missing`,
        );
      }
      versions.set(streamId, streamVersion);
    } else {
      throw new BrokenBundleError(
        entry.line,
        place,
        `stream ${streamId} is neither the coop's (${coopPrefix}…) nor the consortium's`,
      );
    }
  });
  return { summary, consortiumEvents };
}

/**
 * Pass 2: how many of the bundle's coop events the store already holds, as the beginning of the
 * coop's streams in the store's order: none in a fresh store, all after an earlier import. Any
 * other event of the coop in the store, before the bundle's end, means another history: refused.
 */
async function presentPrefix(
  chunks: BundleBytes,
  store: EventStore,
  coopPrefix: string,
  options: VerifyOptions,
): Promise<number> {
  // What the store committed before the import began is compared, all of it: a beginning written
  // a moment ago (an earlier, interrupted import) may wait behind an older transaction still open,
  // and would otherwise look absent, and the import be refused as if the store had changed.
  await untilReadable(store, await store.headPosition());
  const inStore = store
    .readAll(START, { filter: { streamPrefix: coopPrefix } })
    [Symbol.asyncIterator]();
  const entries = verifiedEntries(chunks, options);
  let present = 0;
  try {
    for (let entry = await entries.next(); !entry.done; entry = await entries.next()) {
      const event = entry.value.kind === 'event' ? entry.value.event : undefined;
      if (!event?.streamId.startsWith(coopPrefix)) continue;
      const stored = await inStore.next();
      if (stored.done) break;
      const { eventId, streamId, streamVersion } = stored.value;
      if (
        eventId !== event.eventId ||
        streamId !== event.streamId ||
        streamVersion !== event.streamVersion
      ) {
        throw new ImportRefused(
          `the store already holds another history of this coop: where the bundle has event ` +
            `${event.eventId} (line ${entry.value.line}, ${event.streamId} version ${event.streamVersion}), ` +
            `the store has ${eventId} (${streamId} version ${streamVersion})`,
        );
      }
      present++;
    }
  } finally {
    await entries.return(undefined as never);
    await inStore.return?.();
  }
  return present;
}

type Appends = Pick<EventStore, 'appendToStream'> | AtomicAppends;

/** Appends consecutive events of one stream together, in the bundle's order. */
class EventAppender {
  appended = 0;
  alreadyPresent = 0;
  private batch: EventLine[] = [];

  constructor(
    private readonly store: Appends,
    /** In one transaction: a failed append fails the whole unit, nothing to sort out one by one. */
    private readonly atomic: boolean,
  ) {}

  async add(event: EventLine): Promise<void> {
    if (
      this.batch.length >= MAX_EVENTS_PER_APPEND ||
      (this.batch.length > 0 && this.batch[0].streamId !== event.streamId)
    ) {
      await this.flush();
    }
    this.batch.push(event);
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    try {
      await this.append(batch);
    } catch (error) {
      const conflict =
        error instanceof WrongExpectedVersionError || error instanceof EventIdConflictError;
      if (!conflict) throw error;
      if (this.atomic) {
        throw new ImportRefused(
          `${error.message}: the store changed since it was compared with the bundle; ` +
            'nothing was written, run the import again',
        );
      }
      // Part of the batch is already there: written by an earlier import but not yet visible to
      // global reads when pass 2 looked (a transaction open elsewhere holds them back). One at a
      // time, each event is either appended or recognised as already recorded.
      for (const event of batch) await this.append([event]);
    }
  }

  private async append(events: EventLine[]): Promise<void> {
    const result = await this.store.appendToStream(
      events[0].streamId,
      events.map(toNewEvent),
      events[0].streamVersion - 1,
    );
    if (result.appended) this.appended += events.length;
    else this.alreadyPresent += events.length;
  }
}

class KeySaver {
  saved = 0;
  private batch: MemberKey[] = [];

  constructor(private readonly sink: MemberKeySink | undefined) {}

  async add(key: MemberKey): Promise<void> {
    this.batch.push(key);
    if (this.batch.length >= KEYS_PER_SAVE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0 || !this.sink) return;
    this.saved += await this.sink.save(this.batch);
    this.batch = [];
  }
}

function toNewEvent(line: EventLine): NewEvent {
  return {
    eventId: line.eventId,
    type: line.type,
    schemaVersion: line.schemaVersion,
    data: line.data,
    metadata: {
      coopId: line.coopId,
      actor: line.actor,
      correlationId: line.correlationId,
      causationId: line.causationId,
    },
    occurredAt: new Date(line.occurredAt),
  };
}
