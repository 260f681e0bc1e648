import { LoggerService } from '@nestjs/common';
import { SpanKind, trace } from '@opentelemetry/api';
import {
  EventStore,
  inSpan,
  linksToCauses,
  ReadAllFilter,
  RecordedEvent,
  Subscription,
  UpcastError,
} from '@libs/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import { failureKind } from './failure-kind';
import { errorMessage, ParkedEvents } from './parked-events';
import { Projection, subscriptionFilter } from './projection';
import { ReadableLog } from './readable-log';
import { RetryPolicy, retryDelay } from './retry-delay';

export interface ProjectionWorkerDeps {
  store: EventStore;
  dataSource: DataSource;
  checkpoints: CheckpointStore;
  parked: ParkedEvents;
  readableLog: ReadableLog;
  batchSize: number;
  retry: RetryPolicy;
  logger: LoggerService;
}

// How often a waiter looks again when no batch commits (the events may all be for others).
const WAIT_POLL_MS = 100;
const PENDING_PAGE_SIZE = 100;
// Each event of a failed batch is tried again alone, inside this savepoint of the batch's transaction.
const EVENT_SAVEPOINT = 'projection_event';

const tracer = trace.getTracer('@libs/projections');

/**
 * One projection's life in this process: its subscription, its batch transactions, and its
 * restarts after failures. The checkpoint in the database is the truth; `committed` mirrors it.
 */
export class ProjectionWorker {
  private readonly filter: ReadAllFilter | undefined;
  private committed: StoredCheckpoint | undefined;
  private subscription: Subscription | undefined;
  private wanted = false;
  /** Bumped at every start and stop, so that a late callback of an older run does nothing. */
  private run = 0;
  private failuresInARow = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private commitWaiters = new Set<() => void>();
  rebuilding = false;
  lastError: string | null = null;

  constructor(
    readonly projection: Projection,
    private readonly deps: ProjectionWorkerDeps,
  ) {
    this.filter = subscriptionFilter(projection);
  }

  get name(): string {
    return this.projection.name;
  }

  /** Its subscription is live (false while it waits to retry after a failure). */
  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** Started and not stopped: running, or about to retry. */
  get started(): boolean {
    return this.wanted;
  }

  /** Subscribes from the stored checkpoint; failures (now or later) are retried with backoff. */
  async start(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    await this.launch(++this.run);
  }

  /** Ends the subscription after the batch in hand and cancels any pending retry. */
  async stop(): Promise<void> {
    this.wanted = false;
    this.run++;
    clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /**
   * Empties the projection's rows and puts its checkpoint back to the start, in one transaction,
   * then replays (if started) from the first event.
   */
  async rebuild(): Promise<void> {
    const wasWanted = this.wanted;
    await this.stop();
    await this.createTables();
    this.committed = await this.deps.dataSource.transaction(async (manager) => {
      await this.projection.setup?.(manager);
      return this.reset(manager);
    });
    this.rebuilding = true;
    if (wasWanted) await this.start();
  }

  /** True once every event for this projection up to `head` is committed in its rows. */
  async hasHandled(head: number): Promise<boolean> {
    // Not running here (a follower replica): the leader moves the rows, the database knows where.
    const at = this.wanted ? this.committed : (await this.deps.checkpoints.all()).get(this.name);
    return this.isCaughtUp(at, head);
  }

  /**
   * Whether rows at checkpoint `at` hold every event for this projection up to `head`, by the
   * current version: none is left after the checkpoint, and none can still be held back from
   * readers (see ReadableLog).
   */
  async isCaughtUp(at: StoredCheckpoint | undefined, head: number): Promise<boolean> {
    if (!at || at.version !== this.projection.version) return false;
    // Readable first, then pending: the look for pending events must come after the head (and so,
    // appends racing each other aside, every event before it) became readable.
    const readable = at.position >= head || (await this.deps.readableLog.reaches(head));
    return readable && !(await this.hasEventAfter(at, head));
  }

  async waitUntilHandled(head: number, deadline: number): Promise<void> {
    while (!(await this.hasHandled(head))) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const at = this.committed?.position ?? 'nothing';
        const why = this.lastError ? `; last error: ${this.lastError}` : '';
        throw new Error(
          `projection ${this.name} has not reached position ${head} (it is at ${at})${why}`,
        );
      }
      await this.nextCommit(Math.min(left, WAIT_POLL_MS));
    }
  }

  private async launch(run: number): Promise<void> {
    try {
      const { dataSource, checkpoints } = this.deps;
      const { projection } = this;
      await this.createTables();
      let stored = await dataSource.transaction(async (manager) => {
        await projection.setup?.(manager);
        return checkpoints.read(manager, projection.name, projection.version);
      });
      if (stored.version > projection.version) {
        // A newer deployment owns these rows: rebuilding them back would start a tug of war.
        throw new Error(
          `projection ${this.name}: the read model is at version ${stored.version}, newer than this runner's ${projection.version}`,
        );
      }
      if (stored.version < projection.version) {
        this.deps.logger.log(
          `projection ${this.name}: version ${stored.version} → ${projection.version}, rebuilding`,
        );
        stored = await dataSource.transaction((manager) => this.reset(manager));
        this.rebuilding = true;
      }
      if (run !== this.run) return;
      this.committed = stored;
      this.subscribe(run, stored);
    } catch (error) {
      this.fail(run, error);
    }
  }

  private subscribe(run: number, from: StoredCheckpoint): void {
    const subscription = this.deps.store.subscribeToAll(
      from.checkpoint,
      (events) => this.handle(run, events),
      {
        filter: this.filter,
        batchSize: this.projection.batchSize ?? this.deps.batchSize,
      },
    );
    this.subscription = subscription;
    subscription.caughtUp.then(
      () => {
        if (run === this.run) this.rebuilding = false;
      },
      () => undefined, // the failure arrives through `done`
    );
    subscription.done.then(
      () => undefined,
      (error: unknown) => this.fail(run, error),
    );
  }

  /**
   * One batch, one transaction: checkpoint first (its row lock keeps a second runner of the same
   * projection out), then the rows. A crash before the commit leaves both as they were, and the
   * batch comes again; after it, the checkpoint is past the batch and it never comes again.
   *
   * A batch that fails for a reason the events carry (see `failureKind`) is applied again event by
   * event in one new transaction: each event in a savepoint, and the one that fails again is
   * rolled back to it and parked; so the others take effect once and the view goes on. A
   * transient failure fails the batch, which is retried whole.
   */
  private async handle(run: number, events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (run !== this.run) throw new Error('stale subscription');
    const from = this.committed!;
    const to: StoredCheckpoint = {
      ...from,
      checkpoint: events[events.length - 1].checkpoint,
      position: events.reduce((max, e) => Math.max(max, e.globalPosition), from.position),
    };
    await inSpan(
      tracer,
      `projection ${this.name}`,
      {
        kind: SpanKind.CONSUMER,
        // Each request whose events this batch applies (their appends stamped its trace context).
        links: linksToCauses(events),
        attributes: { 'projection.name': this.name, 'projection.events': events.length },
      },
      () => this.applyBatch(events, from, to),
    );
    this.committedTo(to);
  }

  private async applyBatch(
    events: RecordedEvent[],
    from: StoredCheckpoint,
    to: StoredCheckpoint,
  ): Promise<void> {
    const { dataSource, checkpoints } = this.deps;
    try {
      await dataSource.transaction(async (manager) => {
        await checkpoints.advance(manager, from, to);
        await this.projection.apply(events, manager);
      });
    } catch (error) {
      if (failureKind(error) !== 'deterministic') throw error;
      await dataSource.transaction(async (manager) => {
        await checkpoints.advance(manager, from, to);
        for (const event of events) await this.applyOrPark(event, manager);
      });
    }
  }

  private committedTo(to: StoredCheckpoint): void {
    this.committed = to;
    this.deps.readableLog.observe(to.position);
    this.failuresInARow = 0;
    this.lastError = null;
    for (const wake of this.commitWaiters) wake();
  }

  private reportParked(event: RecordedEvent, error: unknown): void {
    this.deps.logger.warn?.(
      `projection ${this.name} parked event ${event.eventId} (${event.type} at ${event.checkpoint}): ${errorMessage(error)}`,
    );
  }

  private async applyOrPark(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await manager.query(`SAVEPOINT ${EVENT_SAVEPOINT}`);
    try {
      await this.projection.apply([event], manager);
      await manager.query(`RELEASE SAVEPOINT ${EVENT_SAVEPOINT}`);
    } catch (error) {
      if (failureKind(error) !== 'deterministic') throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT ${EVENT_SAVEPOINT}`);
      await this.deps.parked.park(manager, this.name, event, error);
      this.reportParked(event, error);
    }
  }

  private fail(run: number, error: unknown): void {
    if (run !== this.run) return;
    this.subscription = undefined;
    this.lastError = error instanceof Error ? error.message : String(error);
    if (!this.wanted) return;
    if (error instanceof UpcastError && this.committed) {
      void this.stepOverUnreadable(++this.run, error.event);
      return;
    }
    this.failuresInARow++;
    const delay = retryDelay(this.deps.retry, this.failuresInARow);
    this.deps.logger.error(
      `projection ${this.name} stopped: ${this.lastError}; retrying in ${delay} ms`,
      error instanceof Error ? error.stack : undefined,
    );
    const next = ++this.run;
    this.retryTimer = setTimeout(() => void this.launch(next), delay);
  }

  /**
   * An event the store cannot upcast fails the whole page it is read in, before any of it reaches
   * `handle`: the events before it are read and applied one at a time up to it, and it is parked
   * (checkpoint moved past it in the same transaction); then the subscription resumes.
   */
  private async stepOverUnreadable(run: number, unreadable: RecordedEvent): Promise<void> {
    try {
      for (;;) {
        if (run !== this.run) return;
        const from = this.committed!;
        let next: RecordedEvent | undefined;
        try {
          const after = this.deps.store.readAll(from.checkpoint, {
            filter: this.filter,
            maxCount: 1,
            pageSize: 1,
          });
          for await (const event of after) next = event;
        } catch (error) {
          if (!(error instanceof UpcastError)) throw error;
          await this.parkAlone(run, from, error.event, error);
          break;
        }
        if (!next) break;
        await this.handle(run, [next]);
        if (next.eventId === unreadable.eventId) break;
      }
      await this.launch(run);
    } catch (error) {
      this.fail(run, error);
    }
  }

  /** Parks the event right after `from`, with the checkpoint moved past it, in one transaction. */
  private async parkAlone(
    run: number,
    from: StoredCheckpoint,
    event: RecordedEvent,
    error: unknown,
  ): Promise<void> {
    if (run !== this.run) throw new Error('stale subscription');
    const to: StoredCheckpoint = {
      ...from,
      checkpoint: event.checkpoint,
      position: Math.max(from.position, event.globalPosition),
    };
    await this.deps.dataSource.transaction(async (manager) => {
      await this.deps.checkpoints.advance(manager, from, to);
      await this.deps.parked.park(manager, this.name, event, error);
    });
    this.reportParked(event, error);
    this.committedTo(to);
  }

  private async createTables(): Promise<void> {
    await this.deps.checkpoints.createTable();
    await this.deps.parked.createTable();
  }

  /** The projection's rows emptied, its checkpoint back to the start, its parked events gone. */
  private async reset(manager: EntityManager): Promise<StoredCheckpoint> {
    await this.projection.reset(manager);
    await this.deps.parked.clear(manager, this.name);
    return this.deps.checkpoints.reset(manager, this.name, this.projection.version);
  }

  /**
   * Whether an event at or before `head` lies after the checkpoint `at`. Not a comparison of
   * positions: the log's order is not the order of global positions (an adapter may order by
   * commit, and a position handed out early can commit late), so the events after the checkpoint
   * are read until one at or before `head` shows up. A projection near the head reads a few.
   */
  private async hasEventAfter(at: StoredCheckpoint, head: number): Promise<boolean> {
    const after = this.deps.store.readAll(at.checkpoint, {
      filter: this.filter,
      pageSize: PENDING_PAGE_SIZE,
    });
    try {
      for await (const event of after) {
        if (event.globalPosition <= head) return true;
      }
    } catch (error) {
      // An event no upcaster can read, not parked yet: it will be, and the view is not there yet.
      if (error instanceof UpcastError) return true;
      throw error;
    }
    return false;
  }

  private nextCommit(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.commitWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.commitWaiters.add(wake);
    });
  }
}
