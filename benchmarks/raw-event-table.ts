import { Pool } from 'pg';
import { BenchAppend } from './bench-workload';

/**
 * The baseline: what plain SQL does with the same rows. A table with the same columns and the same
 * per-stream unique key as the store's, written with a plain multi-row INSERT of versions the
 * writer computed, read with a plain keyset-paged `ORDER BY global_position`. The store's extra
 * work (sub-selected version check, event-id uniqueness, the transaction-id and coop indexes,
 * the visibility horizon, building envelopes) is what the ratio measures.
 */
export class RawEventTable {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `"${schema}".raw_events`;
  }

  async create(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE ${this.table} (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version int NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL,
        coop_id text,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, stream_version)
      )`);
  }

  async insert({ streamId, events, expectedVersion }: BenchAppend): Promise<void> {
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      const first = values.length;
      values.push(
        streamId,
        expectedVersion + i + 1,
        e.eventId,
        e.type,
        e.schemaVersion,
        e.metadata.coopId,
        JSON.stringify(e.data),
        JSON.stringify({
          actor: e.metadata.actor,
          correlationId: e.metadata.correlationId,
          causationId: e.metadata.causationId,
        }),
        e.occurredAt!.toISOString(),
      );
      return `(${Array.from({ length: 9 }, (_, k) => `$${first + k + 1}`).join(', ')})`;
    });
    await this.pool.query(
      `INSERT INTO ${this.table}
        (stream_id, stream_version, event_id, type, schema_version, coop_id, data, metadata, occurred_at)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /** Reads every row in position order, a page at a time; returns how many it read. */
  async readAll(pageSize: number): Promise<number> {
    let after = '0';
    let count = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ global_position: string }>(
        `SELECT global_position, stream_id, stream_version, event_id, type, schema_version, coop_id,
           data, metadata, occurred_at
         FROM ${this.table} WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [after, pageSize],
      );
      count += rows.length;
      if (rows.length < pageSize) return count;
      after = rows[rows.length - 1].global_position;
    }
  }
}
