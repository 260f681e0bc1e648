import { Client } from 'pg';
import { DATABASE_URL } from './apps';

/** Rows of one query on the test database, read as an operator would: not through any app. */
export async function queryDatabase<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}
