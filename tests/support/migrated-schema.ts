import { DataSource } from 'typeorm';
import { createDataSource, qualifiedTable } from '@libs/database';

// TypeORM's own type for migration classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClass = Function;

/** What a read-model schema holds after its migrations, to compare two schemas or two moments. */
export interface SchemaSnapshot {
  /** Every column, index and constraint of every table, the schema's own name written `<schema>`. */
  shape: { columns: string[]; indexes: string[]; constraints: string[] };
  /** Every row of every table but the migrations table, as JSON, by table. */
  rows: Record<string, string[]>;
  /** The migrations the schema records as run, in the order they ran. */
  migrations: string[];
}

/**
 * Runs `migrations` on `schema` (created when missing) as an app does when it starts, lets `seed`
 * write what an app would have written by then, and says what the schema holds.
 */
export async function migratedSchema(
  url: string,
  schema: string,
  migrations: MigrationClass[],
  seed?: (db: DataSource) => Promise<void>,
): Promise<SchemaSnapshot> {
  const db = await createDataSource({ url, schema, entities: [], migrations }).initialize();
  try {
    await seed?.(db);
    return await snapshotOf(db, schema);
  } finally {
    await db.destroy();
  }
}

async function snapshotOf(db: DataSource, schema: string): Promise<SchemaSnapshot> {
  // Generated names (sequences, indexes) and definitions name the schema: two schemas compare
  // equal when they differ by that name only.
  const anySchema = (text: string | null) =>
    String(text).replaceAll(`"${schema}"`, '<schema>').replaceAll(schema, '<schema>');
  const lines = async (sql: string, line: (row: Record<string, string>) => string) =>
    ((await db.query(sql, [schema])) as Record<string, string>[]).map(line).sort();

  const columns = await lines(
    `SELECT table_name, column_name, ordinal_position, udt_name, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = $1`,
    (c) =>
      `${c.table_name}.${c.column_name} #${c.ordinal_position} ${c.udt_name}` +
      `${c.is_nullable === 'NO' ? ' not null' : ''} default ${anySchema(c.column_default)}`,
  );
  const indexes = await lines(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1`, (i) =>
    anySchema(i.indexdef),
  );
  const constraints = await lines(
    `SELECT t.relname AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1`,
    (c) => `${c.table_name}.${c.conname}: ${anySchema(c.definition)}`,
  );

  const rows: Record<string, string[]> = {};
  const tables = await lines(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
    (t) => t.table_name,
  );
  for (const table of tables) {
    const found: { row: string }[] = await db.query(
      `SELECT to_jsonb(t)::text AS row FROM ${qualifiedTable(db, table)} t`,
    );
    rows[table] = found.map((r) => r.row).sort();
  }
  const recorded: { name: string }[] = await db.query(
    `SELECT name FROM ${qualifiedTable(db, 'migrations')} ORDER BY id`,
  );

  return {
    shape: { columns, indexes, constraints },
    rows,
    migrations: recorded.map((m) => m.name),
  };
}
