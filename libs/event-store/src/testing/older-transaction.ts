import { Client } from 'pg';

/**
 * A transaction begun now and kept open until `end()`, as another app's long one would be. It
 * takes a transaction id, so that a reader of the log on that database stops at it (the read
 * horizon): what is committed after it begins waits until it ends. `connectionString` may name
 * another database of the server, whose transactions must not hold this one's readers back.
 */
export async function openOlderTransaction(
  connectionString = process.env.DATABASE_URL!,
): Promise<{ end(): Promise<void> }> {
  const client = new Client({ connectionString });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');
  let ended = false;
  return {
    async end() {
      if (ended) return;
      ended = true;
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}
