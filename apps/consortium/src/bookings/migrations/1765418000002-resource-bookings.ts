import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** `resource_bookings`, filled by its projection from the start of the log. */
export class ResourceBookings1765418000002 implements MigrationInterface {
  name = 'ResourceBookings1765418000002';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'resource_bookings');
    await runner.query(`
      CREATE TABLE ${table} (
        booking_id uuid PRIMARY KEY,
        resource_id uuid NOT NULL,
        owner_coop_id text NOT NULL,
        booking_coop_id text NOT NULL,
        starts_at text NOT NULL,
        ends_at text NOT NULL,
        cancelled_on date
      )`);
    await runner.query(`CREATE INDEX ON ${table} (resource_id, starts_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'resource_bookings')}`);
  }
}
