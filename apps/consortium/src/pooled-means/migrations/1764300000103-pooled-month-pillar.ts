import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The pooled-means ledger's sixth dimension, a month and a pillar together (`2027-03/market`):
 * money per month by pillar. Each line still keys exactly one dimension. The projection's new
 * version rebuilds the ledger, which fills the column for the history.
 */
export class PooledMonthPillar1764300000103 implements MigrationInterface {
  name = 'PooledMonthPillar1764300000103';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'pooled_movements');
    await runner.query(`ALTER TABLE ${table} ADD COLUMN month_pillar text`);
    // `pooled_movements_check` is the name Postgres gave the founding migration's unnamed CHECK.
    await runner.query(`
      ALTER TABLE ${table}
        DROP CONSTRAINT pooled_movements_check,
        ADD CONSTRAINT pooled_movements_one_dimension
          CHECK (num_nonnulls(pillar, kind, theme, coop_id, month, month_pillar) = 1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'pooled_movements');
    // The month×pillar lines repeat what the other dimensions hold: nothing is lost with them.
    await runner.query(`DELETE FROM ${table} WHERE month_pillar IS NOT NULL`);
    await runner.query(`
      ALTER TABLE ${table}
        DROP CONSTRAINT pooled_movements_one_dimension,
        DROP COLUMN month_pillar,
        ADD CONSTRAINT pooled_movements_check
          CHECK (num_nonnulls(pillar, kind, theme, coop_id, month) = 1)`);
  }
}
