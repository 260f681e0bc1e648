import { createHash } from 'node:crypto';
import { assertDistinctEventIds, pageSizeOf } from '../append-guards';
import { Pool } from 'pg';
import { Checkpoint, NewEvent, RecordedEvent } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import {
  AppendResult,
  AtomicAppends,
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
import { AppendedRow, appendStatement } from './append-statement';
import { appendAtomically } from './atomic-appends';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-row';
import { createStoreSchema, eventsTable } from './store-schema';
import { globalPageQuery, heldBackQuery, READ_HORIZON, SERVER_HORIZON } from './global-page-query';
import { laterOf, parseCheckpoint, toCheckpoint } from './log-position';
import { DEFAULT_BATCH_SIZE, Page, PollingSubscription } from './polling-subscription';
import { AppendListener } from './append-listener';

const STATISTICS_EVERY = 20_000;

export interface PostgresEventStoreOptions {
  /** Used to open a pool of `poolSize` connections when no `pool` is given. */
  connectionString?: string;
  /** A pool owned by the caller: `close()` leaves it open. */
  pool?: Pool;
  /** Where the events table lives; default `event_store`. */
  schema?: string;
  upcasters?: Upcasters;
  poolSize?: number;
  /**
   * How caught-up subscriptions learn of new events: `notify` (default) listens for the append
   * trigger's NOTIFY and polls only as a safety net; `poll` polls every `pollIntervalMs`.
   */
  wake?: SubscriptionWake;
}

export type SubscriptionWake = 'notify' | 'poll';

export const DEFAULT_SCHEMA = 'event_store';

/**
 * How many times an append goes again after losing a race whose outcome still satisfies its
 * expected version (`ANY`, `STREAM_EXISTS`): each lost race means another writer made progress.
 */
const MAX_APPEND_ATTEMPTS = 100;

const UNIQUE_VIOLATION = '23505';

interface RecordedIdRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  global_position: string;
}

/** The event store on PostgreSQL (a real server or the embedded PGlite); see README.md. */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  private readonly table: string;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly upcasters: Upcasters;
  private appendedSinceAnalyze = 0;
  /** Set by init() where the server keeps prepared statements per connection. */
  private appendName: string | undefined;
  private analyzing = false;
  /** The store's one LISTEN connection, shared by its subscriptions; none when polling. */
  private readonly listener: AppendListener | undefined;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? DEFAULT_SCHEMA;
    this.table = eventsTable(this.schema);
    this.upcasters = options.upcasters ?? new Upcasters();
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else if (options.connectionString) {
      this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize });
      this.ownsPool = true;
      // An idle connection dropped by the server must not crash the process: the pool replaces it
      // on the next query, and the query that needed it reports the failure.
      this.pool.on('error', () => undefined);
    } else {
      throw new Error('PostgresEventStore needs a connectionString or a pool');
    }
    if ((options.wake ?? 'notify') === 'notify') {
      this.listener = new AppendListener(this.pool.options, this.schema);
    }
  }

  /** Creates the schema if missing, and gives the planner fresh statistics (see below). */
  async init(): Promise<void> {
    await createStoreSchema(this.pool, this.schema);
    // Statistics for a log that has events (see refreshStatisticsEvery). Not for an empty one:
    // "analyzed, no rows" makes the planner choose, and each connection's append function keep,
    // a sequential scan for the stream's version, which grows with the log until the next
    // ANALYZE; a never-analyzed table is assumed to be a few pages and gets the index.
    const { rows: any } = await this.pool.query(`SELECT 1 FROM ${this.table} LIMIT 1`);
    if (any.length > 0) await this.pool.query(`ANALYZE ${this.table}`);
    // Appends go as a named prepared statement (a real server parses and plans it once per
    // connection: a fair share of an append's cost), except on PGlite, which serves every
    // connection from one session, where a second connection's PREPARE of that name would fail.
    const { rows } = await this.pool.query<{ version: string }>('SELECT version()');
    this.appendName = /PGlite/i.test(rows[0].version)
      ? undefined
      : `append_${createHash('sha256').update(this.schema).digest('hex').slice(0, 16)}`;
  }

  async close(): Promise<void> {
    await this.listener?.close();
    if (this.ownsPool) await this.pool.end();
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    assertExpectedVersion(expectedVersion);
    assertDistinctEventIds(streamId, events);
    if (events.length === 0) {
      const actual = await this.streamVersion(streamId);
      if (!versionMatches(expectedVersion, actual)) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, actual);
      }
      return { nextExpectedVersion: actual, appended: false, globalPositions: [] };
    }
    for (let attempt = 1; ; attempt++) {
      const appended = await this.insert(streamId, events, expectedVersion);
      if (appended) {
        this.refreshStatisticsEvery(events.length);
        return appended;
      }
      const retried = await this.earlierIdenticalAppend(streamId, events);
      if (retried) return retried;
      const actual = await this.streamVersion(streamId);
      // Nothing recorded, yet the stream's version satisfies the expectation (`ANY`,
      // `STREAM_EXISTS`): a concurrent writer took the same versions between the sub-select and
      // the insert. Go again on top of it.
      if (!versionMatches(expectedVersion, actual) || attempt >= MAX_APPEND_ATTEMPTS) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, actual);
      }
    }
  }

  /** Appends to any streams in one transaction (atomic-appends.ts). */
  appendAtomically<T>(write: (appends: AtomicAppends) => Promise<T>): Promise<T> {
    return appendAtomically(this.pool, this.schema, write);
  }

  /**
   * Global reads page by an index whose order matches theirs, but only a planner with statistics
   * knows it is cheaper than sorting what the filter matches: without them, each page costs the
   * whole rest of the log. A server's autovacuum analyzes in time; the embedded database has no
   * autovacuum. So every STATISTICS_EVERY events appended by this process, analyze the table.
   */
  private refreshStatisticsEvery(appended: number): void {
    this.appendedSinceAnalyze += appended;
    if (this.appendedSinceAnalyze < STATISTICS_EVERY || this.analyzing) return;
    this.appendedSinceAnalyze = 0;
    this.analyzing = true;
    this.pool
      .query(`ANALYZE ${this.table}`)
      .catch(() => undefined) // statistics are an optimisation: a failure changes no result
      .finally(() => (this.analyzing = false));
  }

  /** By the primary key: the few newest positions, checked against the same horizon as readAll. */
  async readsReach(position: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ reached: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${this.table}
         WHERE global_position >= $1
           AND transaction_id < (SELECT xmin FROM (${READ_HORIZON}) horizon)) AS reached`,
      [position],
    );
    return rows[0].reached;
  }

  async *readStream(
    streamId: string,
    fromVersion = 1,
    options: ReadOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    const pageSize = pageSizeOf(options, DEFAULT_BATCH_SIZE);
    // No visibility horizon here, unlike global reads: a writer must read its own writes.
    for (let next = fromVersion; ;) {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${this.table}
         WHERE stream_id = $1 AND stream_version >= $2
         ORDER BY stream_version LIMIT $3`,
        [streamId, next, pageSize],
      );
      for (const row of rows) yield this.upcasters.apply(toRecordedEvent(row));
      if (rows.length < pageSize) return;
      next = rows[rows.length - 1].stream_version + 1;
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(
      `SELECT coalesce(max(stream_version), 0) AS version FROM ${this.table} WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0].version;
  }

  async *readAll(from: Checkpoint, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const pageSize = pageSizeOf(options, DEFAULT_BATCH_SIZE);
    const filter = options.filter ?? {};
    let remaining = options.maxCount ?? Infinity;
    let position = from;
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      const { events } = await this.readPage(position, limit, filter);
      yield* events;
      if (events.length < limit) return;
      remaining -= events.length;
      position = events[events.length - 1].checkpoint;
    }
  }

  subscribeToAll(
    from: Checkpoint,
    handler: BatchHandler,
    options: SubscribeOptions = {},
  ): Subscription {
    parseCheckpoint(from);
    const filter = options.filter ?? {};
    // Each page is read under the server's horizon, which costs nothing but the snapshot; this
    // database's own (READ_HORIZON asks pg_stat_activity: with every read paying it, the coop app
    // took 5-10% fewer commands per second in bench:api) only after a probe found events held
    // back: the transaction holding them back may be another database's, which it leaves out.
    let heldBack = false;
    const read = async (position: Checkpoint, limit: number): Promise<Page> => {
      const page = await this.readPage(
        position,
        limit,
        filter,
        heldBack ? READ_HORIZON : SERVER_HORIZON,
      );
      heldBack = false;
      const probe = page.heldBack;
      return probe ? { ...page, heldBack: async () => (heldBack = await probe()) } : page;
    };
    return new PollingSubscription(read, from, handler, options, this.listener);
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>(
      `SELECT coalesce(max(global_position), 0) AS head FROM ${this.table}`,
    );
    return Number(rows[0].head);
  }

  /** The append statement; undefined when it recorded nothing (failed check or unique violation). */
  private async insert(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult | undefined> {
    try {
      const { rows } = await this.pool.query<AppendedRow>(
        appendStatement(this.schema, streamId, events, expectedVersion, this.appendName),
      );
      if (rows.length === 0) return undefined;
      return {
        nextExpectedVersion: rows[rows.length - 1].appended_version,
        appended: true,
        globalPositions: rows.map((row) => Number(row.appended_position)),
      };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  /**
   * The result of an earlier append of these very events, when this one is its retry: every id
   * already recorded, in this stream, one after the other in this order. Any other reuse of a
   * recorded id is a different append and fails.
   */
  private async earlierIdenticalAppend(
    streamId: string,
    events: NewEvent[],
  ): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<RecordedIdRow>(
      `SELECT event_id, stream_id, stream_version, global_position FROM ${this.table}
       WHERE event_id = ANY($1::uuid[])`,
      [events.map((e) => e.eventId)],
    );
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const recorded = events.map((e) => byId.get(e.eventId.toLowerCase()));
    const first = recorded[0];
    const isRetry =
      first !== undefined &&
      recorded.every(
        (row, i) => row?.stream_id === streamId && row.stream_version === first.stream_version + i,
      );
    if (!isRetry)
      throw new EventIdConflictError(
        streamId,
        rows.map((row) => row.event_id),
      );
    return {
      nextExpectedVersion: first.stream_version + recorded.length - 1,
      appended: false,
      globalPositions: recorded.map((row) => Number(row!.global_position)),
    };
  }

  /**
   * A page of events after `from`, and how far the log was scanned: everything below the
   * transaction horizon, when the page came back short; then also how to ask whether events wait
   * beyond that horizon (only a subscription about to sleep asks: readAll never does).
   */
  private async readPage(
    from: Checkpoint,
    limit: number,
    filter: ReadAllFilter,
    readHorizon = READ_HORIZON,
  ): Promise<Page> {
    const { rows } = await this.pool.query<EventRow & { horizon: string; snapshot: string }>(
      globalPageQuery(this.table, parseCheckpoint(from), filter, limit, readHorizon),
    );
    const events = rows
      .filter((row) => row.global_position !== null)
      .map((row) => this.upcasters.apply(toRecordedEvent(row)));
    if (events.length === limit) return { events };
    const { horizon, snapshot } = rows[0];
    const scanned = laterOf(from, toCheckpoint({ transactionId: horizon, globalPosition: '0' }));
    const heldBack = async (): Promise<boolean> => {
      const held = await this.pool.query<{ held_back: boolean }>(
        heldBackQuery(this.table, horizon, snapshot),
      );
      return held.rows[0].held_back;
    };
    return { events, scanned, heldBack };
  }
}

function assertExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new Error(`expected version must be a whole number of events: ${expected}`);
  }
}
