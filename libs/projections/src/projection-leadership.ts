import { Logger, LoggerService } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';

/** Whether this process runs the projections of its read models, or leaves them to another. */
export type ProjectionRole = 'leader' | 'follower';

export interface ProjectionLeadershipOptions {
  /** The read-model database: the lock lives there, beside the checkpoints. */
  dataSource: DataSource;
  /** What is led: the checkpoints' schema, so that each set of read models has its own leader. */
  name: string;
  /**
   * How long a follower waits before it tries again when its wait for the lock failed (its session
   * was lost, or the server ended the wait). While the wait holds, nothing runs on a timer.
   */
  intervalMs?: number;
  /**
   * How often a leader asks its session whether it still answers. A backstop only: a session that
   * closes, or that the server ends, reports it at once (its `error` event), and the leader steps
   * down then; an idle leader should not wake the database every few seconds to hear it.
   */
  heartbeatMs?: number;
  /** Called once this process holds the lock: start the projections. */
  onLead(): Promise<void>;
  /** Called once it has lost it (or lets it go): stop them. */
  onFollow(): Promise<void>;
  logger?: LoggerService;
}

export const DEFAULT_LEADER_INTERVAL_MS = 2_000;
export const DEFAULT_LEADER_HEARTBEAT_MS = 30_000;
/** The advisory lock's keys: the projections' lock among others, then the read models led. */
const LOCK_KEYS = "hashtext('projections'), hashtext($1)";

/**
 * One leader among the replicas of an app on one read-model database, by a PostgreSQL session
 * advisory lock held on a connection of its own (not one of the pool's, which come and go). A
 * follower does not poll for it: its session waits in the database for the lock
 * (`pg_advisory_lock`), which PostgreSQL grants the moment the leader's session ends, even when the
 * leader was SIGKILLed. An idle follower thus costs nothing, and takes over at once. The read
 * models live in PostgreSQL whatever the event store (the embedded one, a server, or EventStoreDB),
 * so the lock holds in every deployment.
 *
 * The lock is not a fence: a leader cut off from the database may still be finishing a batch when
 * another takes over. The runner's own guard (each batch moves its checkpoint from the one it
 * read, under the row's lock) keeps that batch from being applied twice.
 *
 * The embedded database (PGlite) is one session for every connection: the lock is then granted to
 * whoever asks, so there must be a single app process per read-model schema, as `npm start` runs.
 */
export class ProjectionLeadership {
  private session: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** Each turn waits for the one before, so that leading and following never overlap. */
  private turn: Promise<void> = Promise.resolve();
  private current: ProjectionRole = 'follower';
  /** The backend of the session whose `pg_advisory_lock` is still waiting, if a follower waits. */
  private waiting: { pid: number } | undefined;
  private readonly intervalMs: number;
  private readonly heartbeatMs: number;
  private readonly logger: LoggerService;

  constructor(private readonly options: ProjectionLeadershipOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_LEADER_INTERVAL_MS;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_LEADER_HEARTBEAT_MS;
    this.logger = options.logger ?? new Logger(ProjectionLeadership.name);
  }

  get role(): ProjectionRole {
    return this.current;
  }

  /**
   * Tries to lead at once (a lone app leads from its start); if another leads, waits for the lock
   * in the background. Once leading, checks its session every heartbeat.
   */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.take(() => this.attempt());
  }

  /** Stops the projections if leading, and closes the session: another replica may take over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.cancelWait();
    await this.take(() => this.stepDown('stopping'));
  }

  private take(step: () => Promise<void>): Promise<void> {
    this.turn = this.turn.then(step).finally(() => this.schedule());
    return this.turn;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    if (this.waiting) return; // the database wakes a waiting follower
    this.timer = setTimeout(
      () => void this.take(() => this.attempt()),
      this.current === 'leader' ? this.heartbeatMs : this.intervalMs,
    );
    this.timer.unref();
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    try {
      const session = this.session ?? (await this.connect());
      if (this.current === 'leader') {
        // Still leading as long as the session that holds the lock answers.
        await session.query('SELECT 1');
        return;
      }
      const { rows } = await session.query<{ taken: boolean }>(
        `SELECT pg_try_advisory_lock(${LOCK_KEYS}) AS taken`,
        [this.options.name],
      );
      if (rows[0]?.taken) await this.lead();
      else await this.waitForLock(session);
    } catch (error) {
      await this.stepDown(`lost its database session (${(error as Error).message})`);
    }
  }

  private async lead(): Promise<void> {
    if (this.stopped) return; // stop() ends the session, which lets the lock go
    this.current = 'leader';
    this.logger.log(`leading the projections of ${this.options.name}`);
    await this.options.onLead();
  }

  /**
   * Leaves a lock request waiting on the follower's session, outside the turns (a turn must not
   * wait for another replica). Granted: lead. Failed (session lost, wait cancelled or timed out by
   * the server): step down, and try again after an interval.
   */
  private async waitForLock(session: Client): Promise<void> {
    const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // stop() may have come while asking: it cancels only a wait it can see.
    if (this.stopped) return;
    this.waiting = rows[0];
    void session.query(`SELECT pg_advisory_lock(${LOCK_KEYS})`, [this.options.name]).then(
      () => {
        this.waiting = undefined;
        void this.take(() => this.lead());
      },
      (error: Error) => {
        this.waiting = undefined;
        void this.take(() => this.stepDown(`stopped waiting for the lock (${error.message})`));
      },
    );
  }

  /**
   * Ends a follower's wait. Closing its connection is not enough: PostgreSQL notices a vanished
   * client only when it next writes to it, so the backend would wait on in the lock's queue until
   * the leader goes; cancelling it from the pool ends it now.
   */
  private async cancelWait(): Promise<void> {
    const backend = this.waiting;
    if (!backend) return;
    await this.options.dataSource
      .query('SELECT pg_cancel_backend($1)', [backend.pid])
      .catch(() => undefined);
  }

  private async stepDown(why: string): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (this.current === 'leader') {
      this.current = 'follower';
      this.logger.warn(`no longer leading the projections of ${this.options.name}: ${why}`);
      await this.options.onFollow().catch((error: unknown) => {
        this.logger.error(`stopping the projections: ${(error as Error).message}`);
      });
    }
    // Closing the session releases the lock, if it still held it.
    await session?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const session = new Client(clientConfig(this.options.dataSource));
    // A session lost while idle reports here; the next turn finds it gone and steps down.
    session.on('error', () => {
      if (this.session === session) this.session = undefined;
      if (this.current === 'leader' && !this.stopped) {
        clearTimeout(this.timer);
        void this.take(() => this.stepDown('its database session closed'));
      }
    });
    await session.connect();
    this.session = session;
    return session;
  }
}

/** The read-model database's connection settings, for a session outside TypeORM's pool. */
function clientConfig(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    application_name: 'projection-leader',
  };
}
