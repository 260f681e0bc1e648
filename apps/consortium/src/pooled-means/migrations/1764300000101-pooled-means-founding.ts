import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The pooled means' first tables: the append-only ledger, and the pledges still open (to book
 * their outcome). Until split by context, `ConsortiumReadModels1764300000101` created them with the
 * other contexts' first tables: where it ran, they are there already.
 */
export class PooledMeansFounding1764300000101 implements MigrationInterface {
  name = 'PooledMeansFounding1764300000101';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ConsortiumReadModels1764300000101')) return;
    const ledger = qualifiedTable(runner.connection, 'pooled_movements');
    const openPledges = qualifiedTable(runner.connection, 'pooled_open_pledges');
    // Each ledger line is the change of one day to one key of ONE dimension (the others are
    // null): the lines of any one dimension add up to the totals, so a query picks a dimension
    // (`WHERE month BETWEEN …` reads the month lines only) and never sums two of them.
    await runner.query(`
      CREATE TABLE ${ledger} (
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
    await runner.query(`CREATE INDEX ON ${ledger} USING brin (recorded_on)`);
    await runner.query(`
      CREATE TABLE ${openPledges} (
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
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['pooled_open_pledges', 'pooled_movements']) {
      await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, name)}`);
    }
  }
}
