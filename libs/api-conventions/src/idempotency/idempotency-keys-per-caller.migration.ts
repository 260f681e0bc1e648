import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * A key belongs to its caller: unique per (caller, key), so two callers never stand in each
 * other's way with the same key. Answers kept before have no caller (''): no caller's retry finds
 * them again, and they go with the first purge after their time (IDEMPOTENCY_TTL_HOURS).
 * The index on `created_at` serves that purge.
 */
export class IdempotencyKeysPerCaller1764300000200 implements MigrationInterface {
  name = 'IdempotencyKeysPerCaller1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'idempotency_keys');
    await runner.query(`ALTER TABLE ${table} ADD COLUMN caller text NOT NULL DEFAULT ''`);
    await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT idempotency_keys_pkey`);
    await runner.query(`ALTER TABLE ${table} ADD PRIMARY KEY (caller, key)`);
    await runner.query(`CREATE INDEX idempotency_keys_created_at ON ${table} (created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'idempotency_keys');
    // One key per table again: the answers of all but one caller of a key cannot stay.
    await runner.query(
      `DELETE FROM ${table} AS k USING ${table} AS o
       WHERE o.key = k.key AND (o.caller, o.created_at) < (k.caller, k.created_at)`,
    );
    await runner.query(
      `DROP INDEX ${qualifiedTable(runner.connection, 'idempotency_keys_created_at')}`,
    );
    await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT idempotency_keys_pkey`);
    await runner.query(`ALTER TABLE ${table} DROP COLUMN caller`);
    await runner.query(`ALTER TABLE ${table} ADD PRIMARY KEY (key)`);
  }
}
