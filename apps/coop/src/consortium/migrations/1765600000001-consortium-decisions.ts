import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** The consortium's decisions about this coop, as its events tell them (never its tables). */
export class ConsortiumDecisions1765600000001 implements MigrationInterface {
  name = 'ConsortiumDecisions1765600000001';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('consortium_standing')} (
        coop_id text PRIMARY KEY,
        admitted_on date,
        settled_on date,
        capital_owed numeric,
        loss_deducted numeric,
        due_on date,
        exit_year int
      )`);
    await runner.query(`
      CREATE TABLE ${table('consortium_allocations')} (
        allocation_id uuid PRIMARY KEY,
        period_id text NOT NULL,
        title text NOT NULL,
        currency text NOT NULL,
        amount numeric NOT NULL,
        status text NOT NULL,
        disbursed numeric NOT NULL,
        proposed_at bigint NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table('consortium_allocations')} (proposed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`DROP TABLE ${table('consortium_allocations')}`);
    await runner.query(`DROP TABLE ${table('consortium_standing')}`);
  }
}
