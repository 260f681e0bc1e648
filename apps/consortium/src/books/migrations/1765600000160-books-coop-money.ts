import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * Member coops' money in the consortium's books, one ledger line per payment: the books keep
 * where each coop stands (`books_coop_standings`) and the money pledges still open
 * (`books_open_pledges`, exact `numeric`), and the ledger is read in pages by day and position.
 */
export class BooksCoopMoney1765600000160 implements MigrationInterface {
  name = 'BooksCoopMoney1765600000160';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('books_coop_standings')} (
        coop_id text PRIMARY KEY,
        standing text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${table('books_open_pledges')} (
        coop_id text NOT NULL,
        contribution_id uuid NOT NULL,
        currency text NOT NULL,
        hundredths numeric NOT NULL,
        PRIMARY KEY (coop_id, contribution_id)
      )`);
    // An index is named in its table's schema.
    await runner.query(`DROP INDEX IF EXISTS ${table('books_ledger_on_day')}`);
    await runner.query(
      `CREATE INDEX books_ledger_day_position ON ${table('books_ledger')} (on_day, position)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`DROP INDEX IF EXISTS ${table('books_ledger_day_position')}`);
    await runner.query(`CREATE INDEX books_ledger_on_day ON ${table('books_ledger')} (on_day)`);
    await runner.query(`DROP TABLE ${table('books_open_pledges')}`);
    await runner.query(`DROP TABLE ${table('books_coop_standings')}`);
  }
}
