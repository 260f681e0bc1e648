import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The consortium's read models. ROUND-1 FOUNDING MIGRATION, a test fixture: released in
 * `apps/consortium/src/database/`, since split by context (`RegistryFounding1764300000101`,
 * `BudgetsFounding1764300000101`, `PooledMeansFounding1764300000101`,
 * `CatalogueFounding1764300000101`). Kept as it ran, to build a database as deployments have it.
 */
export class ConsortiumReadModels1764300000101 implements MigrationInterface {
  name = 'ConsortiumReadModels1764300000101';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('allocation_index')} (
        allocation_id uuid PRIMARY KEY,
        period_id text NOT NULL,
        beneficiary_coop_id text
      )`);

    // Registry: the coops, and their members for the counts and capital.
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

    // Pooled means: the append-only ledger, and the pledges still open (to book their outcome).
    // Each ledger line is the change of one day to one key of ONE dimension (the others are
    // null): the lines of any one dimension add up to the totals, so a query picks a dimension
    // (`WHERE month BETWEEN …` reads the month lines only) and never sums two of them.
    await runner.query(`
      CREATE TABLE ${table('pooled_movements')} (
        id bigserial PRIMARY KEY,
        recorded_on date NOT NULL,
        unit text NOT NULL,
        pillar text,
        kind text,
        theme text,
        coop_id text,
        month text,
        pledged bigint NOT NULL,
        paid bigint NOT NULL,
        CHECK (num_nonnulls(pillar, kind, theme, coop_id, month) = 1)
      )`);
    // ?asOf= reads the lines up to a day. BRIN: lines are appended roughly in day order, and a
    // BRIN index costs next to nothing to keep up while the ledger is rebuilt.
    await runner.query(`CREATE INDEX ON ${table('pooled_movements')} USING brin (recorded_on)`);
    await runner.query(`
      CREATE TABLE ${table('pooled_open_pledges')} (
        coop_id text NOT NULL,
        contribution_id uuid NOT NULL,
        unit text NOT NULL,
        hundredths bigint NOT NULL,
        pillar text NOT NULL,
        kind text NOT NULL,
        theme text NOT NULL,
        month text NOT NULL,
        PRIMARY KEY (coop_id, contribution_id)
      )`);

    // Catalogue: every resource ever shared; the withdrawn ones stay, marked.
    await runner.query(`
      CREATE TABLE ${table('catalogue_resources')} (
        stream_id text PRIMARY KEY,
        coop_id text NOT NULL,
        resource_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        themes text[] NOT NULL,
        terms jsonb NOT NULL,
        shared_on date NOT NULL,
        withdrawn_on date
      )`);
    await runner.query(
      `CREATE INDEX ON ${table('catalogue_resources')} (shared_on, stream_id) WHERE withdrawn_on IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of [
      'catalogue_resources',
      'pooled_open_pledges',
      'pooled_movements',
      'coop_members',
      'member_coops',
      'allocation_index',
    ]) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, name)}`);
    }
  }
}
