import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The pooled means, exact and for members only. Ledger lines become `numeric`: a line sums a
 * batch's amounts, and nothing bounds how many there are. The projection keeps where each coop
 * stands (admitted, then withdrawn) to count only members, and books the others' movements apart,
 * per coop and reason (`pooled_not_counted`); an open pledge remembers where it was booked. The
 * projection's new version rebuilds all of it from the log.
 */
export class PooledExactAndAdmitted1764300000104 implements MigrationInterface {
  name = 'PooledExactAndAdmitted1764300000104';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      ALTER TABLE ${table('pooled_movements')}
        ALTER COLUMN pledged TYPE numeric,
        ALTER COLUMN paid TYPE numeric`);
    await runner.query(`
      ALTER TABLE ${table('pooled_open_pledges')}
        ADD COLUMN not_counted text CHECK (not_counted IN ('not_admitted', 'withdrawn'))`);
    await runner.query(`
      CREATE TABLE ${table('pooled_coop_standings')} (
        coop_id text PRIMARY KEY,
        standing text NOT NULL CHECK (standing IN ('member', 'withdrawn'))
      )`);
    await runner.query(`
      CREATE TABLE ${table('pooled_not_counted')} (
        id bigserial PRIMARY KEY,
        recorded_on date NOT NULL,
        unit text NOT NULL,
        coop_id text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('not_admitted', 'withdrawn')),
        pledged numeric NOT NULL,
        paid numeric NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`DROP TABLE ${table('pooled_not_counted')}`);
    await runner.query(`DROP TABLE ${table('pooled_coop_standings')}`);
    await runner.query(`ALTER TABLE ${table('pooled_open_pledges')} DROP COLUMN not_counted`);
    // Back to bigint: the previous version's projection rebuilds from scratch anyway.
    await runner.query(`
      ALTER TABLE ${table('pooled_movements')}
        ALTER COLUMN pledged TYPE bigint,
        ALTER COLUMN paid TYPE bigint`);
  }
}
