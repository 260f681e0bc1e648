// Databases for the projection tests: an event store and a read-model DataSource, each in its own
// random schema of DATABASE_URL (several test files share one server), dropped at the end.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createDataSource, quoteIdentifier } from '@libs/database';
import { PostgresEventStore } from '@libs/event-store';

export interface Testbed {
  url: string;
  eventSchema: string;
  readSchema: string;
  store: PostgresEventStore;
  dataSource: DataSource;
  dispose(): Promise<void>;
}

export function randomSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function openTestbed(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema> = [],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string> = [],
): Promise<Testbed> {
  const url = process.env.DATABASE_URL!;
  const eventSchema = randomSchema('proj_events');
  const readSchema = randomSchema('proj_read');
  const store = new PostgresEventStore({ connectionString: url, schema: eventSchema, poolSize: 4 });
  await store.init();
  const dataSource = await createDataSource({
    url,
    schema: readSchema,
    entities,
    migrations,
  }).initialize();
  return {
    url,
    eventSchema,
    readSchema,
    store,
    dataSource,
    async dispose() {
      await dataSource.destroy();
      await store.close();
      await dropSchemas(url, [eventSchema, readSchema]);
    },
  };
}

export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas)
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
