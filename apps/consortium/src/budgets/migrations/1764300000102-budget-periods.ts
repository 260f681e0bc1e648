import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** The list of budget periods (`GET /budgets`), filled by its projection from the start of the log. */
export class BudgetPeriods1764300000102 implements MigrationInterface {
  name = 'BudgetPeriods1764300000102';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'budget_periods')} (
        period_id text PRIMARY KEY,
        starts_on text NOT NULL,
        ends_on text NOT NULL,
        status text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'budget_periods')}`);
  }
}
