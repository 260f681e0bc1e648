import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * Answers kept for Idempotency-Key replays are copies of what the API said. When something in them
 * must be forgotten (a member's erased personal data), they are rewritten: a replay must not say it
 * again, and the table must not keep it. `about` picks the answers (JSON containment on the body);
 * `fields` are set to null in them. The table is vacuumed so the old row versions are gone too.
 */
export async function forgetInStoredAnswers(
  db: DataSource,
  about: Record<string, string>,
  fields: string[],
): Promise<void> {
  const table = qualifiedTable(db, 'idempotency_keys');
  const nulls = Object.fromEntries(fields.map((field) => [field, null]));
  const changed: unknown[] = await db.query(
    `UPDATE ${table} SET body = body || $2::jsonb
     WHERE body @> $1::jsonb AND body ?| $3::text[] RETURNING key`,
    [JSON.stringify(about), JSON.stringify(nulls), fields],
  );
  if (changed.length > 0) await db.query(`VACUUM ${table}`);
}
