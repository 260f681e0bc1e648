import { Pool } from 'pg';
import { StreamEvent } from './federation-events';

const CHUNK = 10_000;

/**
 * Writes `events` straight into the store's events table, `CHUNK` rows per INSERT (and
 * transaction), in the columns and JSON shapes `PostgresEventStore` appends: a history of a
 * hundred thousand events in seconds instead of a hundred thousand appends. For streams new to
 * the store (each event takes its stream's next version counting from 1 within `events`); the
 * store must be initialised. The log's order is the order of `events`.
 */
export async function appendInBulk(
  databaseUrl: string,
  storeSchema: string,
  events: StreamEvent[],
): Promise<void> {
  const versions = new Map<string, number>();
  const rows = events.map(({ streamId, event }) => {
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const { actor, correlationId, causationId } = event.metadata;
    return {
      streamId,
      version,
      event,
      metadata: JSON.stringify({ actor, correlationId, causationId }),
    };
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (let from = 0; from < rows.length; from += CHUNK) {
      const chunk = rows.slice(from, from + CHUNK);
      await pool.query(
        `INSERT INTO "${storeSchema}".events
           (stream_id, stream_version, event_id, type, schema_version, coop_id, data, metadata,
            occurred_at)
         SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::text[],
                              $7::jsonb[], $8::jsonb[], $9::timestamptz[])`,
        [
          chunk.map((r) => r.streamId),
          chunk.map((r) => r.version),
          chunk.map((r) => r.event.eventId),
          chunk.map((r) => r.event.type),
          chunk.map((r) => r.event.schemaVersion),
          chunk.map((r) => r.event.metadata.coopId),
          chunk.map((r) => JSON.stringify(r.event.data)),
          chunk.map((r) => r.metadata),
          chunk.map((r) => (r.event.occurredAt ?? new Date()).toISOString()),
        ],
      );
    }
  } finally {
    await pool.end();
  }
}
