import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationHasRun, qualifiedTable } from '@libs/database';

/** After: money in `numeric`, share counts in `bigint`. Before: what the founding migration made. */
const EXACT = {
  share_count: 'bigint',
  subscribed: 'numeric',
  paid: 'numeric',
  reimbursed: 'numeric',
};
const BEFORE = { share_count: 'int', subscribed: 'bigint', paid: 'bigint', reimbursed: 'bigint' };

/**
 * The members' money becomes `numeric`: a member's capital is a sum of its movements, and `bigint`
 * stopped the members view for good on the first sum past 2^63 hundredths. The values are kept as
 * they are (no rebuild): the view resumes where it stopped. Share counts add up too: `bigint`.
 * Until split by context, `ExactMoneyColumns1764300000010` did it with the contributions' amounts:
 * where it ran, the columns are retyped already.
 */
export class MembershipExactMoney1764300000010 implements MigrationInterface {
  name = 'MembershipExactMoney1764300000010';

  async up(runner: QueryRunner): Promise<void> {
    if (await migrationHasRun(runner, 'ExactMoneyColumns1764300000010')) return;
    await retypeMembers(runner, EXACT);
  }

  /** Fails, and changes nothing, if a figure no longer fits the old types. */
  async down(runner: QueryRunner): Promise<void> {
    await retypeMembers(runner, BEFORE);
  }
}

async function retypeMembers(runner: QueryRunner, columns: Record<string, string>): Promise<void> {
  const changes = Object.entries(columns).map(([c, type]) => `ALTER COLUMN ${c} TYPE ${type}`);
  await runner.query(
    `ALTER TABLE ${qualifiedTable(runner.connection, 'members')} ${changes.join(', ')}`,
  );
}
