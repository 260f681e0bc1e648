import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** Each coop's workforce by month: the type-B quota is its annual average (L. 381/1991 art. 4). */
export class CoopWorkforce1764300000140 implements MigrationInterface {
  name = 'CoopWorkforce1764300000140';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'coop_workforce');
    await runner.query(`
      CREATE TABLE ${table} (
        id text PRIMARY KEY,
        coop_id text NOT NULL,
        month text NOT NULL,
        workers integer NOT NULL,
        disadvantaged integer NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table} (coop_id, month)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'coop_workforce')}`);
  }
}
