import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The catalogue: every resource ever shared; the withdrawn ones stay, marked. Until split by
 * context, `ConsortiumReadModels1764300000101` created it with the other contexts' first tables:
 * where it ran, it is there already.
 */
export class CatalogueFounding1764300000101 implements MigrationInterface {
  name = 'CatalogueFounding1764300000101';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ConsortiumReadModels1764300000101')) return;
    const table = qualifiedTable(runner.connection, 'catalogue_resources');
    await runner.query(`
      CREATE TABLE ${table} (
        stream_id text PRIMARY KEY,
        coop_id text NOT NULL,
        resource_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        themes text[] NOT NULL,
        terms jsonb NOT NULL,
        shared_on date NOT NULL,
        withdrawn_on date
      )`);
    await runner.query(
      `CREATE INDEX ON ${table} (shared_on, stream_id) WHERE withdrawn_on IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'catalogue_resources')}`);
  }
}
