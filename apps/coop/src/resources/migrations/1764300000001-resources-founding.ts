import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The resources the coop shares. Until split by context, `CoopReadModels1764300000001` created
 * their table with the other contexts' first tables: where it ran, it is there already.
 */
export class ResourcesFounding1764300000001 implements MigrationInterface {
  name = 'ResourcesFounding1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'CoopReadModels1764300000001')) return;
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'resources')} (
        resource_id uuid PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        themes jsonb NOT NULL,
        terms jsonb NOT NULL,
        shared_on date NOT NULL,
        withdrawn_on date
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'resources')}`);
  }
}
