import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { DATABASE_URL } from './apps';

/** Schemas that are PostgreSQL's own, not anything an app or a test wrote. */
const SYSTEM_SCHEMAS = /^(pg_|information_schema$)/;

/** A table or schema dropped meanwhile (another test file cleaning up): nothing to look at. */
const GONE = new Set(['42P01', '3F000']);

/**
 * Every column, of every table in every schema of the test database, that holds `text` (any case):
 * as `schema.table.column`. Text and JSON are read as text; bytes are searched for its UTF-8 form.
 * What an erasure must leave nowhere, whichever app or store wrote it.
 */
export async function columnsHolding(text: string): Promise<string[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const columns = await client.query<{
      schema: string;
      table: string;
      column: string;
      type: string;
    }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column,
              c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE t.table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { schema, table, column, type } of columns.rows) {
      if (SYSTEM_SCHEMAS.test(schema)) continue;
      const name = quoteIdentifier(column);
      const holds =
        type === 'bytea'
          ? `position(convert_to($1, 'UTF8') in ${name}) > 0`
          : `strpos(lower(${name}::text), lower($1)) > 0`;
      try {
        const hit = await client.query<{ found: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}
                          WHERE ${holds}) AS found`,
          [text],
        );
        if (hit.rows[0].found) found.push(`${schema}.${table}.${column}`);
      } catch (error) {
        if (!GONE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
    return found;
  } finally {
    await client.end();
  }
}
