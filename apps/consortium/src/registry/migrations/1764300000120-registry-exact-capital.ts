import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The registry's member capital becomes `numeric`: a member's capital is a sum of its movements,
 * and `bigint` stopped `coop_members` for good on the first sum past 2^63 hundredths. The values
 * are kept as they are (no rebuild): the view resumes where it stopped.
 */
export class RegistryExactCapital1764300000120 implements MigrationInterface {
  name = 'RegistryExactCapital1764300000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'coop_members')}
        ALTER COLUMN subscribed TYPE numeric,
        ALTER COLUMN paid TYPE numeric`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Fails, and changes nothing, if a member's capital no longer fits a bigint.
    await runner.query(`
      ALTER TABLE ${qualifiedTable(runner.connection, 'coop_members')}
        ALTER COLUMN subscribed TYPE bigint,
        ALTER COLUMN paid TYPE bigint`);
  }
}
