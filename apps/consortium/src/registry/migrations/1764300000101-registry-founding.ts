import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The registry's first tables: the coops, and their members for the counts and capital. Until
 * split by context, `ConsortiumReadModels1764300000101` created them with the other contexts'
 * first tables: where it ran, they are there already.
 */
export class RegistryFounding1764300000101 implements MigrationInterface {
  name = 'RegistryFounding1764300000101';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ConsortiumReadModels1764300000101')) return;
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('member_coops')} (
        coop_id text PRIMARY KEY,
        status text,
        name text,
        legal_form text,
        themes text[] NOT NULL,
        territory text,
        applied_on date,
        admitted_on date,
        withdrawal_requested_on date,
        withdrawn_on date,
        admission_override jsonb
      )`);
    await runner.query(`CREATE INDEX ON ${table('member_coops')} (status, coop_id)`);
    await runner.query(`
      CREATE TABLE ${table('coop_members')} (
        stream_id text PRIMARY KEY,
        coop_id text NOT NULL,
        member_id uuid NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        disadvantaged boolean NOT NULL,
        subscribed bigint NOT NULL,
        paid bigint NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table('coop_members')} (coop_id, status)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['coop_members', 'member_coops']) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, name)}`);
    }
  }
}
