import { QueryConfig } from 'pg';
import { NewEvent } from '../envelope';
import { ExpectedVersion } from '../expected-version';
import { appendFunction } from './store-schema';

/** What the append returns per recorded event, in append order; nothing when the check failed. */
export interface AppendedRow {
  appended_position: string;
  appended_version: number;
}

/**
 * The append as one statement, so that the happy path is one round trip in autocommit (the
 * INSERT it runs is described with the function, in store-schema.ts).
 *
 * Run it as the first write of its transaction (autocommit does that): the transaction id is
 * assigned at this insert, after the version it builds on committed, so within a stream the
 * transaction-id order that global reads follow is the version order.
 */
export function appendStatement(
  schema: string,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
  /** A prepared statement's name: parsed and planned once per connection instead of per append. */
  name?: string,
): QueryConfig {
  return {
    name,
    text: `SELECT appended_position, appended_version
      FROM ${appendFunction(schema)}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    values: [
      streamId,
      typeof expected === 'number' ? 'exact' : expected,
      typeof expected === 'number' ? expected : null,
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => e.metadata.coopId),
      // One JSON array each: undefined data is stored as JSON null.
      JSON.stringify(events.map((e) => e.data)),
      JSON.stringify(
        events.map(({ metadata: { actor, correlationId, causationId, traceparent } }) => ({
          actor,
          correlationId,
          causationId,
          ...(traceparent ? { traceparent } : {}),
        })),
      ),
      events.map((e) => e.occurredAt?.toISOString() ?? null),
    ],
  };
}
