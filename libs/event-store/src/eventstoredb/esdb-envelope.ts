import {
  EventData,
  JSONType,
  jsonEvent,
  Position,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { NewEvent, RecordedEvent } from '../envelope';
import { encodeCheckpoint } from './esdb-checkpoint';
import { versionOfRevision } from './esdb-expected-revision';

/**
 * How our envelope sits in an EventStoreDB event: id, type and data map onto the event's own
 * fields; everything else of the envelope rides in its JSON metadata.
 */
export interface StoredMetadata {
  coopId: string | null;
  actor: string;
  correlationId: string;
  causationId: string;
  /** W3C trace context of the append, when tracing was on. */
  traceparent?: string;
  schemaVersion: number;
  /** ISO 8601. */
  occurredAt: string;
}

export function toEventData(event: NewEvent, appendedAt: Date): EventData {
  if (event.data === undefined) throw new TypeError(`event ${event.eventId} has no data`);
  const metadata: StoredMetadata = {
    coopId: event.metadata.coopId,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
    schemaVersion: event.schemaVersion,
    occurredAt: (event.occurredAt ?? appendedAt).toISOString(),
  };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: metadata as unknown as JSONType,
  });
}

/** Types starting with `$` are EventStoreDB's own (links, metadata, stats): never ours. */
export function isSystemEvent(type: string): boolean {
  return type.startsWith('$');
}

/** Maps a stored event back to our envelope (upcasting is the caller's next step). */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const where = `EventStoreDB event ${event.id} in ${event.streamId}`;
  if (!event.isJson) throw new Error(`${where} is not JSON: not written through this adapter`);
  const metadata = readStoredMetadata(event.metadata, where);
  const position = positionOf(event.position, where);
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: metadata.schemaVersion,
    data: event.data,
    metadata: {
      coopId: metadata.coopId,
      actor: metadata.actor,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
    },
    occurredAt: new Date(metadata.occurredAt),
    streamId: event.streamId,
    streamVersion: versionOfRevision(event.revision),
    globalPosition: Number(position.commit),
    checkpoint: encodeCheckpoint(position),
  };
}

// The server reports "no position" as the largest unsigned 64-bit value (or leaves it out).
const NO_POSITION_FROM = 2n ** 63n;
const isKnown = (value: bigint): boolean => value >= 0n && value < NO_POSITION_FROM;

/**
 * The event's place in `$all`. Events appended over gRPC are implicit transactions whose commit
 * position equals their prepare position (each event is its own commit record), so when a stream
 * read leaves the commit half unknown the prepare half stands in for it.
 */
export function positionOf(position: Position | undefined, where: string): Position {
  if (position && isKnown(position.commit)) return position;
  if (position && isKnown(position.prepare)) {
    return { commit: position.prepare, prepare: position.prepare };
  }
  throw new Error(
    `${where} came without its $all position: this adapter needs EventStoreDB 22.6 or later`,
  );
}

function readStoredMetadata(metadata: unknown, where: string): StoredMetadata {
  if (typeof metadata !== 'object' || metadata === null || metadata instanceof Uint8Array) {
    throw new Error(`${where} has no JSON metadata: not written through this adapter`);
  }
  const fields = metadata as Record<string, unknown>;
  const text = (name: keyof StoredMetadata): string => {
    const value = fields[name];
    if (typeof value !== 'string') throw new Error(`${where} has no ${name} in its metadata`);
    return value;
  };
  const coopId = fields.coopId;
  if (coopId !== null && typeof coopId !== 'string') {
    throw new Error(`${where} has no coopId (a string or null) in its metadata`);
  }
  const schemaVersion = fields.schemaVersion;
  if (!Number.isInteger(schemaVersion)) {
    throw new Error(`${where} has no integer schemaVersion in its metadata`);
  }
  const occurredAt = text('occurredAt');
  if (Number.isNaN(Date.parse(occurredAt))) {
    throw new Error(`${where} has an unreadable occurredAt in its metadata: ${occurredAt}`);
  }
  return {
    coopId,
    actor: text('actor'),
    correlationId: text('correlationId'),
    causationId: text('causationId'),
    ...(typeof fields.traceparent === 'string' ? { traceparent: fields.traceparent } : {}),
    schemaVersion: schemaVersion as number,
    occurredAt,
  };
}
