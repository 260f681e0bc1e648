import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { Upcasters } from '../upcaster';

/**
 * A PostgreSQL store in a schema of its own on `DATABASE_URL`, initialised; `dispose` closes it and
 * drops the schema. For the contract suite and the specs of what wraps a store.
 */
export async function scratchPostgresStore(
  options: { upcasters?: Upcasters; prefix?: string; poolSize?: number } = {},
): Promise<{ store: PostgresEventStore; schema: string; dispose(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL!;
  const schema = `${options.prefix ?? 'es_test'}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store = new PostgresEventStore({
    connectionString: databaseUrl,
    schema,
    upcasters: options.upcasters,
    poolSize: options.poolSize ?? 4,
  });
  await store.init();
  return {
    store,
    schema,
    async dispose() {
      await store.close();
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
