import { quoteIdentifier } from '@libs/database';
import { RecordedEvent } from '@libs/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { RunnerTable } from './runner-table';

/** An event a view could not apply, set aside so that the view goes on with the next ones. */
export interface ParkedEvent {
  /** The projection (view) that could not apply it. */
  projection: string;
  /** The event's checkpoint: where it stands in the log. */
  checkpoint: string;
  globalPosition: number;
  eventId: string;
  eventType: string;
  /** Where to read it again (a retry reads it through today's upcasters). */
  streamId: string;
  streamVersion: number;
  /** What the projection threw, the last time it tried. */
  error: string;
  parkedAt: Date;
  /** Retries that failed again since it was parked. */
  retries: number;
}

interface ParkedRow {
  projection: string;
  checkpoint: string;
  global_position: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  stream_version: number;
  error: string;
  parked_at: Date;
  retries: number;
}

const ERROR_MESSAGE_CUT = 2_000;

/** The longest `errorMessage`: cut, then an ellipsis. */
export const ERROR_MESSAGE_MAX_LENGTH = ERROR_MESSAGE_CUT + 1;

/** An error as the operator reads it in the parked list: one line, bounded. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > ERROR_MESSAGE_CUT ? `${message.slice(0, ERROR_MESSAGE_CUT)}…` : message;
}

/**
 * The `projection_parked_events` table, beside the checkpoints: a park row is written in the
 * transaction that moves the checkpoint past its event, so an event is either applied, or parked,
 * or still ahead of the checkpoint; never two of these, never none.
 */
export class ParkedEvents {
  private readonly table: string;
  private readonly runnerTable: RunnerTable;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.projection_parked_events`;
    this.runnerTable = new RunnerTable(
      dataSource,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         projection text NOT NULL,
         event_id text NOT NULL,
         checkpoint text NOT NULL,
         global_position bigint NOT NULL,
         event_type text NOT NULL,
         stream_id text NOT NULL,
         stream_version integer NOT NULL,
         error text NOT NULL,
         parked_at timestamptz NOT NULL DEFAULT now(),
         retries integer NOT NULL DEFAULT 0,
         PRIMARY KEY (projection, event_id)
       )`,
    );
  }

  createTable(): Promise<void> {
    return this.runnerTable.create();
  }

  /** In the batch's transaction, with the checkpoint moved past `event`. */
  async park(
    manager: EntityManager,
    projection: string,
    event: RecordedEvent,
    error: unknown,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table}
         (projection, event_id, checkpoint, global_position, event_type, stream_id, stream_version, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (projection, event_id) DO UPDATE SET error = excluded.error`,
      [
        projection,
        event.eventId,
        event.checkpoint,
        event.globalPosition,
        event.type,
        event.streamId,
        event.streamVersion,
        errorMessage(error),
      ],
    );
  }

  /**
   * Takes the event off the list, in the transaction that applies it; false when it is no longer
   * there (another retry applied it, or a rebuild cleared the list).
   */
  async unpark(manager: EntityManager, projection: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${this.table} WHERE projection = $1 AND event_id = $2 FOR UPDATE`,
      [projection, eventId],
    );
    if (rows.length === 0) return false;
    await manager.query(`DELETE FROM ${this.table} WHERE projection = $1 AND event_id = $2`, [
      projection,
      eventId,
    ]);
    return true;
  }

  /** A retry failed again: the event stays, with the new error. */
  async failedAgain(projection: string, eventId: string, error: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET error = $3, retries = retries + 1
        WHERE projection = $1 AND event_id = $2`,
      [projection, eventId, errorMessage(error)],
    );
  }

  /** For a rebuild, in the transaction that empties the projection's rows. */
  async clear(manager: EntityManager, projection: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE projection = $1`, [projection]);
  }

  /** The parked events, in log order; of one projection, or of all; at most `limit` of each. */
  async list(projection?: string, limit?: number): Promise<ParkedEvent[]> {
    await this.createTable();
    const rows: ParkedRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT *, row_number() OVER (PARTITION BY projection ORDER BY global_position) AS rank
           FROM ${this.table} WHERE $1::text IS NULL OR projection = $1
       ) ranked
       WHERE $2::integer IS NULL OR rank <= $2
       ORDER BY projection, global_position`,
      [projection ?? null, limit ?? null],
    );
    return rows.map((row) => ({
      projection: row.projection,
      checkpoint: row.checkpoint,
      globalPosition: Number(row.global_position),
      eventId: row.event_id,
      eventType: row.event_type,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      error: row.error,
      parkedAt: new Date(row.parked_at),
      retries: row.retries,
    }));
  }

  /** How many events each projection has parked (projections with none are absent). */
  async counts(): Promise<Map<string, number>> {
    await this.createTable();
    const rows: { projection: string; count: string }[] = await this.dataSource.query(
      `SELECT projection, count(*) AS count FROM ${this.table} GROUP BY projection`,
    );
    return new Map(rows.map((row) => [row.projection, Number(row.count)]));
  }
}
