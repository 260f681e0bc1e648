import { Pool } from 'pg';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version';
import { createAppendNotification } from './append-notification';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function quotedSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new Error(`event store schema must be a lowercase SQL identifier: ${schema}`);
  }
  return `"${schema}"`;
}

/** The schema-qualified name of the events table. */
export function eventsTable(schema: string): string {
  return `${quotedSchema(schema)}.events`;
}

/** The schema-qualified name of the function that appends (see `appendStatement`). */
export function appendFunction(schema: string): string {
  return `${quotedSchema(schema)}.append_to_stream`;
}

/** The append function's parameters, in the order `appendStatement` passes them. */
const APPEND_PARAMETERS = [
  ['p_stream_id', 'text'],
  ['p_expected_kind', 'text'],
  ['p_expected_version', 'int'],
  ['p_event_ids', 'uuid[]'],
  ['p_types', 'text[]'],
  ['p_schema_versions', 'int[]'],
  ['p_coop_ids', 'text[]'],
  ['p_data', 'jsonb'],
  ['p_metadata', 'jsonb'],
  ['p_occurred_at', 'timestamptz[]'],
] as const;

function appendSignature(schema: string): string {
  return `${appendFunction(schema)}(${APPEND_PARAMETERS.map(([, type]) => type).join(', ')})`;
}

/**
 * Creates the schema, the events table and its indexes if missing, and creates or replaces the
 * append function, so that a new version of it lands on an existing store. Several processes
 * may start at once: `IF NOT EXISTS` alone still races on the catalogs (a duplicate-key error on
 * pg_namespace), so the whole creation runs in one transaction under an advisory lock.
 */
export async function createStoreSchema(pool: Pool, schema: string): Promise<void> {
  const table = eventsTable(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('event_store.init'), hashtext($1))", [
      schema,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema(schema)}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${table} (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version int NOT NULL CHECK (stream_version > 0),
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        schema_version int NOT NULL,
        coop_id text,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, stream_version)
      )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS events_global_order ON ${table} (transaction_id, global_position)`,
    );
    await client.query(
      `CREATE INDEX IF NOT EXISTS events_coop_order ON ${table} (coop_id, transaction_id, global_position)`,
    );
    // CREATE OR REPLACE cannot change a function's arguments: it would add an overload beside an
    // older version, and calls (whose parameters are untyped) would become ambiguous. Only such
    // older versions are dropped: a running store's function stays in place for its writers.
    await client.query(`
      DO $drop$ DECLARE f regprocedure;
      BEGIN
        FOR f IN SELECT oid FROM pg_proc
          WHERE pronamespace = '${quotedSchema(schema)}'::regnamespace AND proname = 'append_to_stream'
            AND oid <> coalesce(to_regprocedure('${appendSignature(schema)}'), 0)
        LOOP
          EXECUTE 'DROP FUNCTION ' || f;
        END LOOP;
      END $drop$`);
    await client.query(appendFunctionDefinition(schema));
    await createAppendNotification(client, quotedSchema(schema), table, schema);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The whole append is this one INSERT: the stream's current version comes from a sub-select,
 * each event takes `current + its ordinal`, and the expected-version check sits in the WHERE, so
 * a failed check inserts nothing and returns no row. A concurrent writer that got to the same
 * versions first turns into a unique violation on (stream_id, stream_version); a reused event id
 * into one on event_id. One statement is atomic: every event is recorded, or none.
 *
 * It lives in a PL/pgSQL function only for speed: PL/pgSQL keeps the statement's plan for the
 * connection, where a statement sent from the client is planned on every append (named prepared
 * statements would keep it too, but their session state leaks between connections on the
 * embedded database). Planning this INSERT costs more than executing it. For the same reason
 * the payloads and metadata come as one JSON array each rather than as jsonb[]: no array literal
 * of escaped JSON to build on one side and parse on the other.
 */
function appendFunctionDefinition(schema: string): string {
  const table = eventsTable(schema);
  const parameters = APPEND_PARAMETERS.map(([name, type]) => `${name} ${type}`).join(', ');
  return `
    CREATE OR REPLACE FUNCTION ${appendFunction(schema)}(${parameters}) RETURNS TABLE (appended_position bigint, appended_version int)
    LANGUAGE plpgsql AS $append$
    BEGIN
      RETURN QUERY
      INSERT INTO ${table} AS recorded
        (stream_id, stream_version, event_id, type, schema_version, coop_id, data, metadata, occurred_at)
      SELECT p_stream_id, head.version + e.ordinal, e.event_id, e.type, e.schema_version, e.coop_id,
        p_data -> (e.ordinal::int - 1), p_metadata -> (e.ordinal::int - 1),
        coalesce(e.occurred_at, now())
      FROM (
        SELECT coalesce(max(current.stream_version), 0) AS version
        FROM ${table} AS current WHERE current.stream_id = p_stream_id
      ) AS head,
      unnest(p_event_ids, p_types, p_schema_versions, p_coop_ids, p_occurred_at)
        WITH ORDINALITY AS e(event_id, type, schema_version, coop_id, occurred_at, ordinal)
      WHERE CASE p_expected_kind
        WHEN '${ANY}' THEN true
        WHEN '${NO_STREAM}' THEN head.version = 0
        WHEN '${STREAM_EXISTS}' THEN head.version > 0
        ELSE head.version = p_expected_version
      END
      ORDER BY e.ordinal
      RETURNING recorded.global_position, recorded.stream_version;
    END
    $append$`;
}
