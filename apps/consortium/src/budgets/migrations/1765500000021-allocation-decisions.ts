import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * `allocation_index` keeps each allocation's amount, outcome and when it was decided, for the
 * quarterly report; its projection's version 2 refills it from the start of the log.
 */
export class AllocationDecisions1765500000021 implements MigrationInterface {
  name = 'AllocationDecisions1765500000021';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'allocation_index')}
        ADD COLUMN amount_unit text,
        ADD COLUMN amount_hundredths bigint,
        ADD COLUMN outcome text,
        ADD COLUMN decided_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'allocation_index')}
        DROP COLUMN amount_unit, DROP COLUMN amount_hundredths, DROP COLUMN outcome,
        DROP COLUMN decided_at`);
  }
}
