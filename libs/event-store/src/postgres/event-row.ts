import { RecordedEvent } from '../envelope';
import { toCheckpoint } from './log-position';

/**
 * The columns every read selects, in the shape `toRecordedEvent` maps. transaction_id goes out
 * as is (pg hands xid8 over as its decimal text): aliasing a `::text` cast to the same name would
 * make `ORDER BY transaction_id` sort the text, putting 10 before 9.
 */
export const EVENT_COLUMNS = `transaction_id, global_position, stream_id,
  stream_version, event_id, type, schema_version, coop_id, data, metadata, occurred_at`;

/** A row as `pg` hands it back: bigint and xid8 arrive as strings, jsonb parsed, timestamptz as Date. */
export interface EventRow {
  transaction_id: string;
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  coop_id: string | null;
  data: unknown;
  metadata: { actor: string; correlationId: string; causationId: string; traceparent?: string };
  occurred_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: {
      coopId: row.coop_id,
      actor: row.metadata.actor,
      correlationId: row.metadata.correlationId,
      causationId: row.metadata.causationId,
      ...(row.metadata.traceparent ? { traceparent: row.metadata.traceparent } : {}),
    },
    occurredAt: row.occurred_at,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    // Exact up to 2^53, far beyond what one store will ever hold.
    globalPosition: Number(row.global_position),
    checkpoint: toCheckpoint({
      transactionId: row.transaction_id,
      globalPosition: row.global_position,
    }),
  };
}
