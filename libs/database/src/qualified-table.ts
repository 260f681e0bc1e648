import { DataSource } from 'typeorm';
import { quoteIdentifier } from './data-source';

/**
 * A table name for raw SQL, qualified with the DataSource's schema. Never rely on `search_path`:
 * on the embedded database every connection shares ONE session, so a `SET search_path` by one app
 * would redirect every other app's queries.
 */
export function qualifiedTable(db: Pick<DataSource, 'options'>, table: string): string {
  const schema = (db.options as { schema?: string }).schema;
  return schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(table)}` : quoteIdentifier(table);
}
