import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The membership's first tables: the members, and the keys that seal each member's personal data.
 * Until split by context, `CoopReadModels1764300000001` created them with the other contexts'
 * first tables: where it ran, they are there already.
 */
export class MembershipFounding1764300000001 implements MigrationInterface {
  name = 'MembershipFounding1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'CoopReadModels1764300000001')) return;
    const members = qualifiedTable(runner.connection, 'members');
    const memberKeys = qualifiedTable(runner.connection, 'member_keys');
    await runner.query(`
      CREATE TABLE ${members} (
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
    await runner.query(`CREATE INDEX ON ${members} (status, category)`);
    await runner.query(`
      CREATE TABLE ${memberKeys} (
        key_id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX ON ${memberKeys} (member_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['member_keys', 'members']) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, name)}`);
    }
  }
}
