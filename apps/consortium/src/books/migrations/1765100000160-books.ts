import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The consortium's books: one line per movement of its own money in or out (`books_ledger`,
 * exact `numeric` hundredths), and the funding applications as the board follows them.
 */
export class Books1765100000160 implements MigrationInterface {
  name = 'Books1765100000160';

  async up(runner: QueryRunner): Promise<void> {
    const table = (name: string) => qualifiedTable(runner.connection, name);
    await runner.query(`
      CREATE TABLE ${table('books_ledger')} (
        event_id uuid PRIMARY KEY,
        position bigint NOT NULL,
        on_day date NOT NULL,
        direction text NOT NULL,
        kind text NOT NULL,
        counterpart text NOT NULL,
        coop_id text,
        currency text NOT NULL,
        hundredths numeric NOT NULL,
        reference text NOT NULL,
        period_id text,
        allocation_id uuid,
        theme text
      )`);
    await runner.query(`CREATE INDEX books_ledger_on_day ON ${table('books_ledger')} (on_day)`);
    await runner.query(
      `CREATE INDEX books_ledger_period ON ${table('books_ledger')} (period_id, allocation_id)`,
    );
    await runner.query(`
      CREATE TABLE ${table('funding_applications')} (
        application_id uuid PRIMARY KEY,
        funder text NOT NULL,
        call text NOT NULL,
        kind text NOT NULL,
        currency text NOT NULL,
        requested numeric NOT NULL,
        deadline date NOT NULL,
        theme text,
        status text NOT NULL,
        awarded numeric,
        decided_on date,
        reporting_due_on date,
        received numeric NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'funding_applications')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'books_ledger')}`);
  }
}
