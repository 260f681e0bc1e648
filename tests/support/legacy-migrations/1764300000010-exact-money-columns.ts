import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

type ColumnTypes = Record<string, Record<string, string>>;

/** After: money in `numeric`, share counts in `bigint`. Before: what the first migration made. */
const EXACT: ColumnTypes = {
  members: { share_count: 'bigint', subscribed: 'numeric', paid: 'numeric', reimbursed: 'numeric' },
  contributions: { hundredths: 'numeric' },
};
const BEFORE: ColumnTypes = {
  members: { share_count: 'int', subscribed: 'bigint', paid: 'bigint', reimbursed: 'bigint' },
  contributions: { hundredths: 'bigint' },
};

/**
 * Money columns become `numeric`: a member's capital is a sum of its movements, and `bigint`
 * stopped the members view for good on the first sum past 2^63 hundredths. The values are kept as
 * they are (no rebuild): the view resumes where it stopped. Share counts add up too: `bigint`.
 *
 * ROUND-1 FOUNDING MIGRATION, a test fixture: released in `apps/coop/src/database/`, since split by
 * context (`MembershipExactMoney1764300000010`, `ContributionsExactMoney1764300000010`). Kept as it
 * ran, to build a database as deployments have it.
 */
export class ExactMoneyColumns1764300000010 implements MigrationInterface {
  name = 'ExactMoneyColumns1764300000010';

  async up(runner: QueryRunner): Promise<void> {
    await retype(runner, EXACT);
  }

  /** Fails, and changes nothing, if a figure no longer fits the old types. */
  async down(runner: QueryRunner): Promise<void> {
    await retype(runner, BEFORE);
  }
}

async function retype(runner: QueryRunner, tables: ColumnTypes): Promise<void> {
  for (const [table, columns] of Object.entries(tables)) {
    const changes = Object.entries(columns).map(([c, type]) => `ALTER COLUMN ${c} TYPE ${type}`);
    await runner.query(
      `ALTER TABLE ${qualifiedTable(runner.connection, table)} ${changes.join(', ')}`,
    );
  }
}
