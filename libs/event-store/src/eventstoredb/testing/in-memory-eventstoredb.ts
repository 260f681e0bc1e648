import {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult,
  BACKWARDS,
  END,
  EventData,
  EventStoreDBClient,
  Filter,
  JSONRecordedEvent,
  Position,
  ReadPosition,
  ReadRevision,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';

type Stored = JSONRecordedEvent & { position: Position };

interface ReadOptions {
  direction?: 'forwards' | 'backwards';
  maxCount?: number | bigint;
}

/**
 * A stand-in for an EventStoreDB server behind `@eventstore/db-client`, for unit tests of the
 * adapter where no server can run. It models only what the adapter relies on, as the server does
 * it (EventStoreDB's IndexWriter.CheckCommit and AllReader):
 * - appends check the expected revision; a retry is recognised from the stream's events for a
 *   numeric or NO_STREAM expectation, from an id cache for ANY and STREAM_EXISTS (which only asks
 *   whether each id is in this stream, not where); some but not all ids matching is answered as a
 *   wrong expected version; ids recorded in another stream go unnoticed;
 * - every event's commit and prepare positions are its own log position, increasing;
 * - reading `$all` forwards from a position includes the event there, backwards excludes it;
 *   a subscription starts strictly after its position;
 * - `$all` holds the server's own `$`-typed events too.
 * It is no proof that the real server behaves so: the contract suite against a real server is.
 */
export class InMemoryEventStoreDB {
  readonly log: Stored[] = [];
  readonly appendCalls: string[] = [];
  disposed = false;
  /** The server's bounded cache of recent event ids, for ANY and STREAM_EXISTS retries. */
  private readonly idCache = new Map<string, { streamId: string; revision: bigint }>();
  private readonly streams = new Map<string, Stored[]>();
  private readonly live = new Set<{ stream: PassThrough; accepts: (e: Stored) => boolean }>();
  private nextPosition = 100n;

  /** The adapter only sees the client's surface. */
  get client(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  /** What the server keeps as its own, e.g. `$metadata`, or statistics. */
  writeSystemEvent(streamId = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    this.record(streamId, {
      id: randomUUID(),
      contentType: 'application/json',
      type,
      data: {},
      metadata: undefined,
    });
  }

  /** The cache is bounded: old ids leave it. */
  forgetRecentIds(): void {
    this.idCache.clear();
  }

  async appendToStream(
    streamId: string,
    events: EventData[],
    { expectedRevision = 'any' }: { expectedRevision?: AppendExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.appendCalls.push(streamId);
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length) - 1n;
    const refuse = (): never => {
      throw new WrongExpectedVersionError(undefined, {
        streamName: streamId,
        expected: expectedRevision,
        current: current < 0n ? 'no_stream' : current,
      });
    };
    const done = (last: Stored): AppendResult => ({
      success: true,
      nextExpectedRevision: last.revision,
      position: last.position,
    });

    if (expectedRevision === 'stream_exists' && current < 0n) refuse();
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      const cached = events.map((e) => this.idCache.get(e.id));
      if (cached.every((c) => c?.streamId === streamId)) {
        return done(stream[Number(cached[cached.length - 1]!.revision)]);
      }
      if (cached[0]?.streamId === streamId) refuse();
    } else {
      const expected = expectedRevision === 'no_stream' ? -1n : expectedRevision;
      if (expected > current) refuse();
      if (expected < current) {
        const at = events.map((_, i) => stream[Number(expected) + 1 + i]);
        if (events.every((e, i) => at[i]?.id === e.id)) return done(at[at.length - 1]);
        refuse();
      }
    }

    let last!: Stored;
    for (const event of events) last = this.record(streamId, event);
    return done(last);
  }

  readStream(
    streamId: string,
    { direction, fromRevision, maxCount }: ReadOptions & { fromRevision?: ReadRevision } = {},
  ): Readable {
    const stream = this.streams.get(streamId);
    if (!stream) return failing(new StreamNotFoundError(undefined, streamId));
    const count = Number(maxCount ?? Number.MAX_SAFE_INTEGER);
    let events: Stored[];
    if (direction === BACKWARDS) {
      const from =
        fromRevision === END || fromRevision === undefined
          ? stream.length - 1
          : Number(fromRevision);
      events = stream.slice(0, from + 1).reverse();
    } else {
      const from = fromRevision === START || fromRevision === undefined ? 0 : Number(fromRevision);
      events = stream.slice(from);
    }
    return Readable.from(events.slice(0, count).map((event) => ({ event })));
  }

  readAll({
    direction,
    fromPosition,
    maxCount,
  }: ReadOptions & { fromPosition?: ReadPosition } = {}): Readable {
    const count = Number(maxCount ?? Number.MAX_SAFE_INTEGER);
    const at = this.offsetOf(fromPosition ?? (direction === BACKWARDS ? END : START));
    const events =
      direction === BACKWARDS
        ? this.log.filter((e) => e.position.commit < at).reverse()
        : this.log.filter((e) => e.position.commit >= at);
    return Readable.from(events.slice(0, count).map((event) => resolvedFromAll(event)));
  }

  subscribeToAll(
    { fromPosition, filter }: { fromPosition?: ReadPosition; filter?: Filter } = {},
    { highWaterMark }: { highWaterMark?: number } = {},
  ): PassThrough {
    const stream = new PassThrough({ objectMode: true, highWaterMark });
    const accepts = (event: Stored) => !filter || passes(filter, event);
    const entry = { stream, accepts };
    const after =
      fromPosition === undefined || fromPosition === START ? -1n : this.offsetOf(fromPosition);
    for (const event of this.log) {
      if (event.position.commit > after && accepts(event)) stream.write(resolvedFromAll(event));
    }
    this.live.add(entry);
    return Object.assign(stream, {
      unsubscribe: async () => {
        this.live.delete(entry);
      },
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** The log offset a read position stands for (the start is before the first event). */
  private offsetOf(position: ReadPosition): bigint {
    if (position === START) return 0n;
    if (position === END) return this.nextPosition;
    return position.commit;
  }

  private record(streamId: string, event: EventData): Stored {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    // Positions are byte offsets in the log: increasing, with gaps.
    this.nextPosition += BigInt(100 + JSON.stringify(event.data).length);
    const stored = {
      streamId,
      id: event.id,
      revision: BigInt(stream.length),
      type: event.type,
      // Stored as JSON text and parsed back, like the client does.
      data: JSON.parse(JSON.stringify(event.data)),
      metadata:
        event.metadata === undefined ? undefined : JSON.parse(JSON.stringify(event.metadata)),
      isJson: true,
      created: new Date(),
      position,
    } as Stored;
    stream.push(stored);
    this.log.push(stored);
    this.idCache.set(event.id, { streamId, revision: stored.revision });
    for (const { stream: live, accepts } of this.live) {
      if (accepts(stored)) live.write(resolvedFromAll(stored));
    }
    return stored;
  }
}

function resolvedFromAll(event: Stored): AllStreamResolvedEvent {
  return { event, commitPosition: event.position.commit };
}

function passes(filter: Filter, event: Stored): boolean {
  const subject = filter.filterOn === 'eventType' ? event.type : event.streamId;
  if ('prefixes' in filter) return filter.prefixes.some((p) => subject.startsWith(p));
  return new RegExp(filter.regex).test(subject);
}

function failing(error: Error): Readable {
  return new Readable({
    objectMode: true,
    read() {
      this.destroy(error);
    },
  });
}
