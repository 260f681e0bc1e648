import { Checkpoint, NewEvent, RecordedEvent } from './envelope';
import { ExpectedVersion } from './expected-version';

/** Narrows a global read or subscription; filters combine with AND, lists within one with OR. */
export interface ReadAllFilter {
  coopId?: string;
  eventTypes?: string[];
  streamPrefix?: string;
}

export interface AppendResult {
  /** The stream's version after the append (its last event's `streamVersion`). */
  nextExpectedVersion: number;
  /** False when every event was already recorded by an earlier identical append (idempotent retry). */
  appended: boolean;
  /** The recorded events' positions, in append order. */
  globalPositions: number[];
}

export interface ReadOptions {
  /** Events per page fetched from the store (not a limit on the iteration). */
  pageSize?: number;
}

export interface ReadAllOptions extends ReadOptions {
  filter?: ReadAllFilter;
  /** Stop after this many events. */
  maxCount?: number;
}

export interface SubscribeOptions {
  filter?: ReadAllFilter;
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
  /** How long to wait between polls when caught up (adapters that poll). */
  pollIntervalMs?: number;
}

/**
 * A batch handler: the subscription waits for it before reading on, so a slow handler slows the
 * subscription instead of piling events in memory. A throw stops the subscription.
 */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Resolves the first time the subscription has handled every event committed before it. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after `stop()`, rejects with the handler's error. */
  readonly done: Promise<void>;
  /** Stops after the batch in hand (if any) has been handled. */
  stop(): Promise<void>;
}

/** Appends that take effect together: see `EventStore.appendAtomically`. */
export interface AtomicAppends {
  /** As `EventStore.appendToStream`, but only recorded if the whole unit commits. */
  appendToStream(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;
}

export interface EventStore {
  /** Creates what the store needs (tables, indexes); safe to call from several processes at once. */
  init(): Promise<void>;
  close(): Promise<void>;

  /**
   * Appends the events atomically (all or none) at the end of the stream, if its version matches.
   * Retrying an append whose event ids are all already recorded in this stream records nothing
   * and answers `appended: false`. Throws WrongExpectedVersionError or EventIdConflictError.
   */
  appendToStream(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;

  /** The stream's events in version order, from `fromVersion` (1 = the first event) on. */
  readStream(
    streamId: string,
    fromVersion?: number,
    options?: ReadOptions,
  ): AsyncIterable<RecordedEvent>;

  /** The stream's version (its event count), 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;

  /**
   * Every committed event after `from`, in global order, paging as it goes. An event is only
   * returned once every event before it in that order is visible, so a reader that resumes from
   * the last checkpoint it saw never skips an event that committed late.
   */
  readAll(from: Checkpoint, options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Catch-up from `from`, then live; resumable from any event's `checkpoint`. */
  subscribeToAll(from: Checkpoint, handler: BatchHandler, options?: SubscribeOptions): Subscription;

  /** The global position of the last committed event (0 when the store is empty): for lag reports. */
  headPosition(): Promise<number>;

  /**
   * Whether global reads already see an event at `position` or after it. A store that may hold
   * committed events back from readers for a while says so here cheaply; without this method,
   * readers find out by reading the log.
   */
  readsReach?(position: number): Promise<boolean>;

  /**
   * Runs `write`, whose appends (to any streams) are recorded together once it resolves, or not at
   * all if it throws or any append fails: an import of a whole history, all or nothing. Only for
   * work that appends and nothing else (no reads from this store meanwhile). A store that cannot
   * span streams in one transaction (EventStoreDB) does not offer it.
   */
  appendAtomically?<T>(write: (appends: AtomicAppends) => Promise<T>): Promise<T>;
}

/** Nest injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');
