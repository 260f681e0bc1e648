import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * Answers kept for Idempotency-Key replays are copies of what the API said. When something in them
 * must be forgotten (a member's erased personal data), they are rewritten: a replay must not say it
 * again, and the table must not keep it. `about` picks the answers (JSON containment on the body);
 * each of `paths` (a field, or a field inside a field) is set to null where the answer has it. The
 * table is vacuumed so the old row versions are gone too.
 */
export async function forgetInStoredAnswers(
  db: DataSource,
  about: Record<string, string>,
  paths: string[][],
): Promise<void> {
  const table = qualifiedTable(db, 'idempotency_keys');
  const changed = await db.transaction(async (tx) => {
    const answers: { caller: string; key: string; body: unknown }[] = await tx.query(
      `SELECT caller, key, body FROM ${table} WHERE body @> $1::jsonb FOR UPDATE`,
      [JSON.stringify(about)],
    );
    let count = 0;
    for (const answer of answers) {
      const forgotten = redacted(answer.body, paths);
      if (forgotten === answer.body) continue;
      await tx.query(`UPDATE ${table} SET body = $3 WHERE caller = $1 AND key = $2`, [
        answer.caller,
        answer.key,
        JSON.stringify(forgotten),
      ]);
      count += 1;
    }
    return count;
  });
  if (changed > 0) await db.query(`VACUUM ${table}`);
}

/** `body` with each of `paths` that holds something other than null set to null; itself if none. */
export function redacted(body: unknown, paths: string[][]): unknown {
  return paths.reduce(redactedAt, body);
}

function redactedAt(value: unknown, path: string[]): unknown {
  if (path.length === 0) return value === null ? value : null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const [field, ...rest] = path;
  const record = value as Record<string, unknown>;
  if (!(field in record)) return value;
  const inner = redactedAt(record[field], rest);
  return inner === record[field] ? value : { ...record, [field]: inner };
}
