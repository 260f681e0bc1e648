import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** The app's memory of recording requests by Idempotency-Key: include it in the app's migrations. */
export class CreateIdempotencyKeys1764300000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'idempotency_keys')} (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        status int,
        body jsonb,
        headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'idempotency_keys')}`);
  }
}
