import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { MemberKey, MemberKeySink, MemberKeySource } from '@libs/portability';

const PAGE_SIZE = 500;

interface KeyRow {
  key_id: string;
  member_id: string;
  key: Buffer;
  created_at: Date;
}

/**
 * The coop's `member_keys` table as an export reads it and an import
 * fills it: a page at a time, and an insert that leaves a key already there as it is.
 */
export class MemberKeyTable implements MemberKeySource, MemberKeySink {
  private readonly table: string;

  constructor(private readonly db: DataSource) {
    this.table = qualifiedTable(db, 'member_keys');
  }

  async *keys(): AsyncGenerator<MemberKey> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: KeyRow[] = await this.db.query(
        `SELECT key_id, member_id, key, created_at FROM ${this.table}
         WHERE key_id > $1 ORDER BY key_id LIMIT $2`,
        [after, PAGE_SIZE],
      );
      for (const row of rows) {
        yield {
          keyId: row.key_id,
          memberId: row.member_id,
          key: row.key,
          createdAt: row.created_at,
        };
      }
      if (rows.length < PAGE_SIZE) return;
      after = rows[rows.length - 1].key_id;
    }
  }

  async save(keys: MemberKey[]): Promise<number> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO ${this.table} (key_id, member_id, key, created_at)
       SELECT k.key_id, k.member_id, decode(k.key, 'hex'), k.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
         AS k(key_id, member_id, key, created_at)
       ON CONFLICT (key_id) DO NOTHING
       RETURNING key_id`,
      [
        keys.map((k) => k.keyId),
        keys.map((k) => k.memberId),
        keys.map((k) => k.key.toString('hex')),
        keys.map((k) => k.createdAt.toISOString()),
      ],
    );
    return inserted.length;
  }
}
