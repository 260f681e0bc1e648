import { Logger, LoggerService } from '@nestjs/common';
import { EventStore } from '@libs/event-store';
import { DataSource } from 'typeorm';
import { CheckpointStore } from './checkpoint-store';
import { Projection } from './projection';
import { ProjectionStatus } from './projection-status';
import { ProjectionWorker } from './projection-worker';
import { ReadableLog } from './readable-log';
import { DEFAULT_RETRY, RetryPolicy } from './retry-delay';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** The read-model database, initialized (its migrations run). */
  dataSource: DataSource;
  projections: Projection[];
  /** Schema of `projection_checkpoints`; default: the DataSource's. */
  schema?: string;
  /** Largest batch per transaction, for projections that set none. */
  batchSize?: number;
  retry?: Partial<RetryPolicy>;
  logger?: LoggerService;
}

export const DEFAULT_BATCH_SIZE = 200;

/**
 * Keeps read models up to date with the event log: one subscription per projection, each batch
 * applied in one transaction with the projection's checkpoint. A failing projection stops and is
 * retried with backoff; the others go on.
 */
export class ProjectionRunner {
  private readonly workers: Map<string, ProjectionWorker>;
  private readonly checkpoints: CheckpointStore;
  private readonly store: EventStore;

  constructor(options: ProjectionRunnerOptions) {
    const { store, dataSource } = options;
    this.store = store;
    this.checkpoints = new CheckpointStore(
      dataSource,
      options.schema ?? dataSource.driver.schema ?? 'public',
    );
    const deps = {
      store,
      dataSource,
      checkpoints: this.checkpoints,
      readableLog: new ReadableLog(store),
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      logger: options.logger ?? new Logger(ProjectionRunner.name),
    };
    this.workers = new Map();
    for (const projection of options.projections) {
      if (this.workers.has(projection.name))
        throw new Error(`two projections named ${projection.name}`);
      this.workers.set(projection.name, new ProjectionWorker(projection, deps));
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
        };
      }),
    );
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`no projection named ${name}`);
    return worker;
  }
}
