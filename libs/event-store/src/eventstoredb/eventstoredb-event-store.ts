import { assertDistinctEventIds, pageSizeOf } from '../append-guards';
import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  Position,
  ReadRevision,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { Checkpoint, NewEvent, RecordedEvent } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import {
  AppendResult,
  BatchHandler,
  EventStore,
  ReadAllFilter,
  ReadAllOptions,
  ReadOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ExpectedVersion, versionMatches } from '../expected-version';
import { Upcasters } from '../upcaster';
import { decodeCheckpoint, isAfter, ReadFrom } from './esdb-checkpoint';
import { isSystemEvent, toEventData, toRecordedEvent } from './esdb-envelope';
import {
  revisionOfVersion,
  toExpectedRevision,
  versionOfCurrentRevision,
  versionOfRevision,
} from './esdb-expected-revision';
import { matchesFilter, mayMatch, serverFilterOf } from './esdb-filter';
import { EventStoreDBSubscription, GlobalPage } from './eventstoredb-subscription';

export type EventStoreDBEventStoreOptions = (
  | {
      /** `esdb://host:2113?tls=false`, or a cluster's `esdb+discover://…`. */
      connectionString: string;
    }
  | {
      /** A client owned by the caller: `close()` leaves it open. */
      client: EventStoreDBClient;
    }
) & { upcasters?: Upcasters };

const DEFAULT_PAGE_SIZE = 500;

/** Events read per page when looking backwards for the last one of ours. */
const HEAD_SCAN_PAGE = 100;

/** The production event store, on EventStoreDB over gRPC (`@eventstore/db-client`); see README.md. */
export class EventStoreDBEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly upcasters: Upcasters;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EventStoreDBEventStoreOptions) {
    this.upcasters = options.upcasters ?? new Upcasters();
    if ('client' in options) {
      this.client = options.client;
      this.ownsClient = false;
    } else {
      this.client = EventStoreDBClient.connectionString(options.connectionString);
      this.ownsClient = true;
    }
  }

  /** EventStoreDB needs no schema: this only proves the server answers. */
  async init(): Promise<void> {
    await this.lastEvents('coop-federation-connection-check', 1);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.ownsClient) await this.client.dispose();
  }

  /**
   * EventStoreDB checks the expected revision and deduplicates by event id itself: a retry of an
   * append with a numeric or NO_STREAM expectation is answered from the recorded events, with
   * ANY or STREAM_EXISTS from a bounded in-memory cache of recent ids. Its answer reads the same
   * for a fresh append and for a retry (the revision and position of the last event), so the
   * stream's tail is read first: the append recorded something exactly when the stream ends
   * further on than before. The tail also answers the retry of the stream's latest append
   * without asking the server, which matters where the server would record it again: ids gone
   * from its cache, or an expected version that happens to match the stream's current one.
   */
  async appendToStream(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    const expectedRevision = toExpectedRevision(expectedVersion);
    assertDistinctEventIds(streamId, events);
    const tail = await this.lastEvents(streamId, Math.max(events.length, 1));
    const versionBefore = tail.length > 0 ? tail[tail.length - 1].streamVersion : 0;
    if (events.length === 0) {
      if (!versionMatches(expectedVersion, versionBefore)) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, versionBefore);
      }
      return { nextExpectedVersion: versionBefore, appended: false, globalPositions: [] };
    }
    if (sameIds(tail, events)) {
      return {
        nextExpectedVersion: versionBefore,
        appended: false,
        globalPositions: tail.map((e) => e.globalPosition),
      };
    }

    const appendedAt = new Date();
    let nextRevision: bigint;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => toEventData(e, appendedAt)),
        { expectedRevision },
      );
      // Only when the client was built with throwOnAppendFailure=false.
      if (!result.success) {
        throw await this.rejection(streamId, events, expectedVersion, undefined);
      }
      nextRevision = result.nextExpectedRevision;
    } catch (error) {
      if (!(error instanceof EsdbWrongExpectedVersionError)) throw error;
      throw await this.rejection(streamId, events, expectedVersion, error);
    }

    const nextExpectedVersion = versionOfRevision(nextRevision);
    const firstVersion = nextExpectedVersion - events.length + 1;
    const recorded =
      firstVersion >= 1
        ? await this.readRevisions(streamId, revisionOfVersion(firstVersion), events.length)
        : [];
    if (!sameIds(recorded, events)) {
      // The server took it for a retry because it holds every id already, yet not as this append
      // (its id cache, consulted for ANY and STREAM_EXISTS, ignores their order): nothing new was
      // recorded, and the ids are reused.
      throw await this.rejection(streamId, events, expectedVersion, undefined);
    }
    return {
      nextExpectedVersion,
      appended: nextExpectedVersion > versionBefore,
      globalPositions: recorded.map((e) => e.globalPosition),
    };
  }

  async *readStream(
    streamId: string,
    fromVersion = 1,
    options: ReadOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    const pageSize = pageSizeOf(options, DEFAULT_PAGE_SIZE);
    let revision = revisionOfVersion(Math.max(1, fromVersion));
    for (;;) {
      const page = await this.readRevisions(streamId, revision, pageSize);
      yield* page;
      if (page.length < pageSize) return;
      revision = revisionOfVersion(page[page.length - 1].streamVersion + 1);
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    const [last] = await this.lastEvents(streamId, 1);
    return last?.streamVersion ?? 0;
  }

  async *readAll(from: Checkpoint, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const pageSize = pageSizeOf(options, DEFAULT_PAGE_SIZE);
    const filter = options.filter ?? {};
    let remaining = options.maxCount ?? Infinity;
    let after = decodeCheckpoint(from);
    while (remaining > 0) {
      const page = await this.readGlobalPage(after, pageSize, filter);
      for (const event of page.events.slice(0, remaining)) yield event;
      remaining -= page.events.length;
      if (page.exhausted) return;
      after = page.readTo;
    }
  }

  subscribeToAll(
    from: Checkpoint,
    handler: BatchHandler,
    options: SubscribeOptions = {},
  ): Subscription {
    const after = decodeCheckpoint(from);
    const batchSize = options.batchSize ?? DEFAULT_PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const filter = options.filter ?? {};
    const subscription = new EventStoreDBSubscription(
      {
        readPage: (position, limit) => this.readGlobalPage(position, limit, filter),
        subscribe: (position, buffered) =>
          this.client.subscribeToAll(
            { fromPosition: position, filter: serverFilterOf(filter) },
            { highWaterMark: buffered },
          ),
        accept: (resolved) => this.ourEvent(resolved, filter),
      },
      after,
      handler,
      batchSize,
    );
    this.subscriptions.add(subscription);
    subscription.done.then(
      () => this.subscriptions.delete(subscription),
      () => this.subscriptions.delete(subscription),
    );
    return subscription;
  }

  /**
   * The position of the last event of ours: `$all` also ends with the server's own events
   * (stream metadata, statistics), which no subscription of ours ever reaches.
   */
  async headPosition(): Promise<number> {
    let before: Position | typeof END = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = [];
      const read = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: before,
        maxCount: HEAD_SCAN_PAGE,
      });
      for await (const resolved of read) page.push(resolved);
      for (const { event } of page) {
        if (event && !isSystemEvent(event.type)) return Number(event.position.commit);
      }
      const last = page[page.length - 1]?.event;
      if (page.length < HEAD_SCAN_PAGE || !last) return 0;
      before = last.position;
    }
  }

  /**
   * Up to `limit` events of `$all` after `after`. EventStoreDB reads forwards from a position
   * inclusively, so the page asks for one more and drops what is not strictly after. The client's
   * `readAll` (v6) has no server-side filter: the filter applies here, while the page still
   * advances over every event it read, wanted or not.
   */
  private async readGlobalPage(
    after: ReadFrom,
    limit: number,
    filter: ReadAllFilter,
  ): Promise<GlobalPage> {
    const asked = after === ESDB_START ? limit : limit + 1;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: after, maxCount: asked });
    let count = 0;
    let full = false;
    let readTo = after;
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      count++;
      const position = resolved.event?.position;
      if (position === undefined || !isAfter(position, readTo)) continue;
      readTo = position;
      const event = this.ourEvent(resolved, filter);
      if (event) events.push(event);
      // Only when the event at `after` is gone (scavenged) can the page hold one too many.
      full = events.length === limit;
      if (full) break;
    }
    return { events, readTo, exhausted: !full && count < asked };
  }

  private ourEvent(
    resolved: AllStreamResolvedEvent,
    filter: ReadAllFilter,
  ): RecordedEvent | undefined {
    const event = resolved.event;
    if (!event || isSystemEvent(event.type) || !mayMatch(event.streamId, event.type, filter)) {
      return undefined;
    }
    const recorded = this.upcasters.apply(toRecordedEvent(event));
    return matchesFilter(recorded, filter) ? recorded : undefined;
  }

  /** Up to `count` events of the stream from `revision` on; none when it does not exist. */
  private readRevisions(
    streamId: string,
    revision: bigint,
    count: number,
  ): Promise<RecordedEvent[]> {
    return this.collectStream(streamId, FORWARDS, revision, count);
  }

  /** The stream's last `count` events, oldest first; none when it does not exist. */
  private async lastEvents(streamId: string, count: number): Promise<RecordedEvent[]> {
    return (await this.collectStream(streamId, BACKWARDS, END, count)).reverse();
  }

  private async collectStream(
    streamId: string,
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromRevision: ReadRevision,
    maxCount: number,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, { direction, fromRevision, maxCount });
      for await (const { event } of read) {
        if (event && !isSystemEvent(event.type)) {
          events.push(this.upcasters.apply(toRecordedEvent(event)));
        }
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * Why the server refused the append. It answers "wrong expected version" both for a genuine
   * conflict and for ids of this append already recorded in the stream otherwise than as this
   * very append (its "corrupted idempotency"); the stream's ids tell the two apart. Ids recorded
   * in another stream cannot be seen: EventStoreDB keeps no index of event ids across streams.
   */
  private async rejection(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    error: EsdbWrongExpectedVersionError | undefined,
  ): Promise<Error> {
    const ids = new Set(events.map((e) => e.eventId.toLowerCase()));
    const reused: string[] = [];
    let actual = 0;
    for await (const event of this.readStream(streamId)) {
      actual = event.streamVersion;
      if (ids.has(event.eventId.toLowerCase())) reused.push(event.eventId);
    }
    if (reused.length > 0) return new EventIdConflictError(streamId, reused);
    if (error) actual = versionOfCurrentRevision(error.actualVersion);
    return new WrongExpectedVersionError(streamId, expected, actual);
  }
}

function sameIds(recorded: RecordedEvent[], events: NewEvent[]): boolean {
  return (
    recorded.length === events.length &&
    recorded.every((e, i) => e.eventId.toLowerCase() === events[i].eventId.toLowerCase())
  );
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
}
