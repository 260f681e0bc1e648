import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { DATABASE_URL } from '../support/apps';

/**
 * Catches the pooled-means projection inside a batch transaction, so that a SIGKILL is known to
 * land there: while set, the trap holds the ledger (`pooled_movements`) in SHARE mode, which
 * readers pass but the projection's next batch does not: that batch has moved its checkpoint
 * (and taken out the pledges it settles) and waits on its insert into the ledger, inside its
 * transaction, until the trap is released.
 *
 * Only on a real server: the embedded database is one session, where a transaction held here
 * would stop every other connection at its next query, not inside its own transaction. There
 * the trap catches nothing and a kill lands wherever the projection happens to be.
 */
export interface LedgerTrap {
  /** Whether a batch got caught within `timeoutMs`. */
  caught(timeoutMs?: number): Promise<boolean>;
  release(): Promise<void>;
}

const NOTHING_CAUGHT: LedgerTrap = {
  caught: async () => false,
  release: async () => undefined,
};

export async function setLedgerTrap(readModels: string): Promise<LedgerTrap> {
  if (process.env.EMBEDDED_DATABASE) return NOTHING_CAUGHT;
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${quoteIdentifier(readModels)}.pooled_movements IN SHARE MODE`);
  return {
    async caught(timeoutMs = 10_000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        const { rowCount } = await client.query(
          `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relnamespace = $1::regnamespace AND c.relname = 'pooled_movements'
              AND NOT l.granted`,
          [readModels],
        );
        if (rowCount) return true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return false;
    },
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}
