import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * The app's own bundle-signing key (one row): include it in the migrations of every app that
 * exports bundles. It lives in the app's database, beside its member keys, never in the shared
 * event store: whoever can append events cannot sign as the app.
 */
export class CreateBundleSigningKey1765000000000 implements MigrationInterface {
  name = 'CreateBundleSigningKey1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'bundle_signing_key')} (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        algorithm text NOT NULL,
        public_key text NOT NULL,
        private_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'bundle_signing_key')}`);
  }
}
