import { PoolClient } from 'pg';
import { ReadAllFilter } from '../event-store.port';

/**
 * How a subscriber learns at once that something was appended: a statement-level trigger on the
 * events table sends `NOTIFY` on the store's channel. PostgreSQL delivers a notification only when
 * its transaction commits, so a listener is woken when there is something new to read — whatever
 * wrote it (the append function, an import, a hand-written INSERT). The payload names the event
 * types and coops the statement appended, so that a subscription whose filter matches none of
 * them is not woken for nothing (with many projections per app, most events concern few of them);
 * it is empty, meaning "anything", when it would exceed NOTIFY's limit. The subscriber then reads
 * the log as it would on a poll, under the same horizon: the guarantees are those of the read.
 */
export function appendChannel(schema: string): string {
  return `${schema}_appended`;
}

/** Quoted for LISTEN: the schema is already checked to be a lowercase identifier. */
export function listenStatement(schema: string): string {
  return `LISTEN "${appendChannel(schema)}"`;
}

/** What a notification says was appended; undefined: anything (an empty or unknown payload). */
export interface Appended {
  types: string[];
  coops: (string | null)[];
  /**
   * The streams' first segments (`coop`, `consortium`): a coop's events are stamped with its id
   * whoever wrote them, so a filter on the consortium's streams about a coop needs this to stay
   * asleep while the coop records its own. Absent from an older trigger's payload: anything.
   */
  categories?: string[];
}

export function parseAppended(payload: string | undefined): Appended | undefined {
  if (!payload) return undefined;
  try {
    const { types, coops, categories } = JSON.parse(payload) as Partial<Appended>;
    if (!Array.isArray(types) || !Array.isArray(coops)) return undefined;
    return Array.isArray(categories) ? { types, coops, categories } : { types, coops };
  } catch {
    return undefined;
  }
}

/** Whether events of that description may match the filter. */
export function mayMatch(
  filter: ReadAllFilter | undefined,
  appended: Appended | undefined,
): boolean {
  if (!filter || !appended) return true;
  if (filter.coopId !== undefined && !appended.coops.includes(filter.coopId)) return false;
  if (filter.eventTypes && !filter.eventTypes.some((type) => appended.types.includes(type))) {
    return false;
  }
  const { streamPrefix } = filter;
  if (streamPrefix !== undefined && appended.categories) {
    // A stream `<category>/…` may start with the prefix when one of the two begins the other.
    return appended.categories.some(
      (category) =>
        streamPrefix.startsWith(`${category}/`) || `${category}/`.startsWith(streamPrefix),
    );
  }
  return true;
}

/** NOTIFY's payload must stay under 8000 bytes. */
const PAYLOAD_LIMIT = 7_900;

/** Creates or replaces the trigger that notifies (inside `createStoreSchema`'s transaction). */
export async function createAppendNotification(
  client: PoolClient,
  quotedSchema: string,
  table: string,
  schema: string,
): Promise<void> {
  await client.query(`
    CREATE OR REPLACE FUNCTION ${quotedSchema}.notify_appended() RETURNS trigger
    LANGUAGE plpgsql AS $notify$
    DECLARE payload text;
    BEGIN
      SELECT json_build_object('types', array_agg(DISTINCT type), 'coops', array_agg(DISTINCT coop_id),
          'categories', array_agg(DISTINCT split_part(stream_id, '/', 1)))
        INTO payload FROM appended;
      IF octet_length(payload) > ${PAYLOAD_LIMIT} THEN payload := ''; END IF;
      PERFORM pg_notify('${appendChannel(schema)}', payload);
      RETURN NULL;
    END
    $notify$`);
  await client.query(`
    CREATE OR REPLACE TRIGGER events_appended AFTER INSERT ON ${table}
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION ${quotedSchema}.notify_appended()`);
}
