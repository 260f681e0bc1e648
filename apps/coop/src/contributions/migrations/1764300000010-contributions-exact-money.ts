import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * A contribution's amount becomes `numeric`, as every money column of the read models (one amount
 * is bounded, but money keeps the one type its sums take, exact past 2^63 hundredths). The values
 * are kept as they are (no rebuild). Until split by context, `ExactMoneyColumns1764300000010` did
 * it with the members' money: where it ran, the column is retyped already.
 */
export class ContributionsExactMoney1764300000010 implements MigrationInterface {
  name = 'ContributionsExactMoney1764300000010';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ExactMoneyColumns1764300000010')) return;
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'contributions')}
        ALTER COLUMN hundredths TYPE numeric`);
  }

  /** Fails, and changes nothing, if an amount no longer fits a bigint. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'contributions')}
        ALTER COLUMN hundredths TYPE bigint`);
  }
}
