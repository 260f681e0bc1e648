import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The coop app's own tables: read models built by its projections, and its members' keys.
 * ROUND-1 FOUNDING MIGRATION, a test fixture: released in `apps/coop/src/database/`, since split by
 * context (`MembershipFounding1764300000001`, `ContributionsFounding1764300000001`,
 * `ResourcesFounding1764300000001`). Kept as it ran, to build a database as deployments have it.
 */
export class CoopReadModels1764300000001 implements MigrationInterface {
  name = 'CoopReadModels1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('members')} (
        member_id uuid PRIMARY KEY,
        status text NOT NULL,
        category text NOT NULL,
        disadvantaged boolean NOT NULL,
        admitted_on date NOT NULL,
        share_count int NOT NULL,
        subscribed bigint NOT NULL,
        paid bigint NOT NULL,
        reimbursed bigint NOT NULL,
        exit jsonb,
        personal_data jsonb,
        version int NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table('members')} (status, category)`);
    await runner.query(`
      CREATE TABLE ${table('contributions')} (
        contribution_id uuid PRIMARY KEY,
        kind text NOT NULL,
        pillar text NOT NULL,
        unit text NOT NULL,
        hundredths bigint NOT NULL,
        period text NOT NULL,
        theme text NOT NULL,
        source text,
        status text NOT NULL,
        recorded_on date NOT NULL,
        paid_on date,
        version int NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table('contributions')} (period, contribution_id)`);
    await runner.query(`
      CREATE TABLE ${table('resources')} (
        resource_id uuid PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        themes jsonb NOT NULL,
        terms jsonb NOT NULL,
        shared_on date NOT NULL,
        withdrawn_on date
      )`);
    await runner.query(`
      CREATE TABLE ${table('member_keys')} (
        key_id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX ON ${table('member_keys')} (member_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['member_keys', 'resources', 'contributions', 'members']) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, name)}`);
    }
  }
}
