import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** `exchanges`, filled by its projection from the start of the log. */
export class Exchanges1765418000003 implements MigrationInterface {
  name = 'Exchanges1765418000003';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'exchanges');
    await runner.query(`
      CREATE TABLE ${table} (
        exchange_id uuid PRIMARY KEY,
        from_coop_id text NOT NULL,
        to_coop_id text NOT NULL,
        hours bigint NOT NULL,
        kind text NOT NULL,
        theme text NOT NULL,
        given_on date NOT NULL,
        note text,
        confirmed_on date
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'exchanges')}`);
  }
}
