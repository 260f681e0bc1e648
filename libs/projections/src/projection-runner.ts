import { Logger, LoggerService } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@libs/event-store';
import { DataSource } from 'typeorm';
import { CheckpointStore } from './checkpoint-store';
import { failureKind } from './failure-kind';
import { ParkedEvent, ParkedEvents } from './parked-events';
import { Projection } from './projection';
import { ProjectionStatus } from './projection-status';
import { ProjectionWorker, ProjectionWorkerDeps } from './projection-worker';
import { ReadableLog } from './readable-log';
import { DEFAULT_RETRY, RetryPolicy } from './retry-delay';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** The read-model database, initialized (its migrations run). */
  dataSource: DataSource;
  /** The projections to run; more may be registered before the runner starts (`register`). */
  projections?: Projection[];
  /** Schema of `projection_checkpoints`; default: the DataSource's. */
  schema?: string;
  /** Largest batch per transaction, for projections that set none. */
  batchSize?: number;
  retry?: Partial<RetryPolicy>;
  logger?: LoggerService;
}

export const DEFAULT_BATCH_SIZE = 200;

/** What a retry of parked events did. */
export interface RetryOutcome {
  /** Applied, and off the parked list. */
  applied: number;
  /** Failed again: still parked, with their new error. */
  stillParked: number;
}

/**
 * Keeps read models up to date with the event log: one subscription per projection, each batch
 * applied in one transaction with the projection's checkpoint. An event a projection cannot apply
 * is parked and the projection goes on; a projection failing for another reason (the database)
 * stops and is retried with backoff; the others go on.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, ProjectionWorker>();
  private readonly deps: ProjectionWorkerDeps;
  private readonly checkpoints: CheckpointStore;
  private readonly parkedEvents: ParkedEvents;
  private readonly store: EventStore;
  private readonly dataSource: DataSource;
  /** Where its checkpoints live: what its replicas elect a leader for. */
  readonly schema: string;

  constructor(options: ProjectionRunnerOptions) {
    const { store, dataSource } = options;
    this.store = store;
    this.dataSource = dataSource;
    const schema = options.schema ?? dataSource.driver.schema ?? 'public';
    this.schema = schema;
    this.checkpoints = new CheckpointStore(dataSource, schema);
    this.parkedEvents = new ParkedEvents(dataSource, schema);
    this.deps = {
      store,
      dataSource,
      checkpoints: this.checkpoints,
      parked: this.parkedEvents,
      readableLog: new ReadableLog(store),
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      logger: options.logger ?? new Logger(ProjectionRunner.name),
    };
    this.register(options.projections ?? []);
  }

  /**
   * Adds projections to run: each bounded context registers its own (`ProjectionsModule.forFeature`)
   * before the app starts the runner.
   */
  register(projections: Projection[]): void {
    for (const projection of projections) {
      if (this.workers.has(projection.name))
        throw new Error(`two projections named ${projection.name}`);
      this.workers.set(projection.name, new ProjectionWorker(projection, this.deps));
    }
  }

  /** Starts every projection from its checkpoint (creating the checkpoint table if needed). */
  async start(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
  }

  /**
   * Rebuilds one projection from the first event: its rows and checkpoint are reset in one
   * transaction, then it replays; resolves once it has caught up with the head of the log as it
   * was when the rebuild began. Its rows are partial meanwhile (status shows `rebuilding`).
   */
  async rebuild(projection: string | Projection, timeoutMs = 10 * 60_000): Promise<void> {
    const worker = this.worker(typeof projection === 'string' ? projection : projection.name);
    const head = await this.store.headPosition();
    const wasStarted = worker.started;
    await worker.rebuild();
    if (!wasStarted) await worker.start();
    try {
      await worker.waitUntilHandled(head, Date.now() + timeoutMs);
    } finally {
      if (!wasStarted) await worker.stop();
    }
  }

  /**
   * Resolves once every projection has applied every event for it up to the head of the log as it
   * is now; rejects after `timeoutMs`, naming the laggard and its last error.
   */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.store.headPosition();
    const deadline = Date.now() + timeoutMs;
    await Promise.all([...this.workers.values()].map((w) => w.waitUntilHandled(head, deadline)));
  }

  /** Each projection as the read-model database records it, against the head of the log. */
  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    const stored = await this.checkpoints.all();
    const parked = await this.parkedEvents.counts();
    return Promise.all(
      [...this.workers.values()].map(async (worker): Promise<ProjectionStatus> => {
        const { version } = worker.projection;
        const at = stored.get(worker.name);
        const caughtUp = await worker.isCaughtUp(at, head);
        const position = at?.position ?? 0;
        return {
          name: worker.name,
          version,
          checkpoint: at?.checkpoint ?? null,
          position,
          headPosition: head,
          lag: caughtUp ? 0 : head - position,
          running: worker.running,
          caughtUp,
          rebuilding: worker.rebuilding,
          lastError: worker.lastError,
          parkedEvents: parked.get(worker.name) ?? 0,
        };
      }),
    );
  }

  /**
   * The events the projections parked (could not apply), in log order: of one projection or of
   * all, at most `limit` per projection.
   */
  async parked(projection?: string, limit?: number): Promise<ParkedEvent[]> {
    if (projection !== undefined) this.worker(projection);
    return this.parkedEvents.list(projection, limit);
  }

  /** How many events each projection has parked (those with none are absent). */
  parkedCounts(): Promise<Map<string, number>> {
    return this.parkedEvents.counts();
  }

  /**
   * Applies the projection's parked events again, in log order, after a fix (an upcaster, a
   * corrected projection): each one read again from its stream (through today's upcasters), and
   * applied and taken off the list in one transaction that holds the projection's checkpoint lock,
   * so its batches wait and an event is never applied twice. One that fails again for the same
   * kind of reason stays parked with its new error; a transient failure stops the retry.
   *
   * A parked event is applied after the events that followed it in the log: right for views that
   * add up, not for rows whose state depends on the order (rebuild those instead).
   */
  async retryParked(projection: string): Promise<RetryOutcome> {
    const { projection: definition } = this.worker(projection);
    const outcome: RetryOutcome = { applied: 0, stillParked: 0 };
    for (const parked of await this.parkedEvents.list(projection)) {
      try {
        // Read before the transaction opens: the embedded database has one session.
        const event = await this.readParked(parked);
        const applied = await this.dataSource.transaction(async (manager) => {
          await this.checkpoints.lock(manager, definition.name, definition.version);
          if (!(await this.parkedEvents.unpark(manager, definition.name, parked.eventId))) {
            return false;
          }
          await definition.apply([event], manager);
          return true;
        });
        if (applied) outcome.applied++;
      } catch (error) {
        if (failureKind(error) !== 'deterministic') throw error;
        await this.parkedEvents.failedAgain(definition.name, parked.eventId, error);
        outcome.stillParked++;
      }
    }
    return outcome;
  }

  private async readParked(parked: ParkedEvent): Promise<RecordedEvent> {
    for await (const event of this.store.readStream(parked.streamId, parked.streamVersion, {
      pageSize: 1,
    })) {
      if (event.eventId !== parked.eventId) break;
      return event;
    }
    throw new Error(
      `parked event ${parked.eventId} is no longer at version ${parked.streamVersion} of ${parked.streamId}`,
    );
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`no projection named ${name}`);
    return worker;
  }
}
