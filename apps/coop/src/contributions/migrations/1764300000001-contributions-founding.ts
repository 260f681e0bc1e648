import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/**
 * The contributions' table. Until split by context, `CoopReadModels1764300000001` created it with
 * the other contexts' first tables: where it ran, it is there already.
 */
export class ContributionsFounding1764300000001 implements MigrationInterface {
  name = 'ContributionsFounding1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'CoopReadModels1764300000001')) return;
    const contributions = qualifiedTable(runner.connection, 'contributions');
    await runner.query(`
      CREATE TABLE ${contributions} (
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
    await runner.query(`CREATE INDEX ON ${contributions} (period, contribution_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'contributions')}`);
  }
}
