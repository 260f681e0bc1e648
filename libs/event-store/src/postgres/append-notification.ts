import { PoolClient } from 'pg';

/**
 * How a subscriber learns at once that something was appended: a statement-level trigger on the
 * events table sends `NOTIFY` on the store's channel. PostgreSQL delivers a notification only when
 * its transaction commits, and only once per distinct payload per transaction, so a listener is
 * woken exactly when there is something new to read — whatever wrote it (the append function, an
 * import, a hand-written INSERT). The notification carries nothing: the subscriber reads the log
 * as it would on a poll, under the same horizon, so the guarantees are those of the read.
 */
export function appendChannel(schema: string): string {
  return `${schema}_appended`;
}

/** Quoted for LISTEN: the schema is already checked to be a lowercase identifier. */
export function listenStatement(schema: string): string {
  return `LISTEN "${appendChannel(schema)}"`;
}

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
    BEGIN
      PERFORM pg_notify('${appendChannel(schema)}', '');
      RETURN NULL;
    END
    $notify$`);
  await client.query(`
    CREATE OR REPLACE TRIGGER events_appended AFTER INSERT ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${quotedSchema}.notify_appended()`);
}
