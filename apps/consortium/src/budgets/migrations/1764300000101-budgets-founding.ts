import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The budgets' first table: which period an allocation is of. Until split by context,
 * `ConsortiumReadModels1764300000101` created it with the other contexts' first tables: where it
 * ran, it is there already.
 */
export class BudgetsFounding1764300000101 implements MigrationInterface {
  name = 'BudgetsFounding1764300000101';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ConsortiumReadModels1764300000101')) return;
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'allocation_index')} (
        allocation_id uuid PRIMARY KEY,
        period_id text NOT NULL,
        beneficiary_coop_id text
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'allocation_index')}`);
  }
}
