import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** `published_reports`, filled by its projection from the start of the log. */
export class PublishedReports1765500000020 implements MigrationInterface {
  name = 'PublishedReports1765500000020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'published_reports')} (
        quarter text PRIMARY KEY,
        published_on date,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'published_reports')}`);
  }
}
