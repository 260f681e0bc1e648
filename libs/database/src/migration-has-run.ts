import { QueryRunner } from 'typeorm';
import { qualifiedTable } from './qualified-table';

/**
 * Whether this database's migrations table records a migration of that name.
 *
 * For a migration that takes over the work of an older, released one under a new name (a founding
 * migration split by context): TypeORM runs every migration whose name it has not recorded, even
 * one older than the last it ran, so where the older one ran the new one must do nothing. Its
 * tables are there already, and later migrations may have altered, renamed or dropped them since.
 */
export async function migrationHasRun(runner: QueryRunner, name: string): Promise<boolean> {
  // Where TypeORM keeps it: the DataSource's table name, in the DataSource's schema.
  const table = qualifiedTable(
    runner.connection,
    runner.connection.options.migrationsTableName ?? 'migrations',
  );
  const rows: unknown[] = await runner.query(`SELECT 1 FROM ${table} WHERE name = $1`, [name]);
  return rows.length > 0;
}
