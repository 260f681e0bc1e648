import { MigrationInterface, QueryRunner } from 'typeorm';
import { webhookTables } from './webhook-tables';

/**
 * The webhooks of one app, in its own database (never in the shared store: they are this app's
 * configuration, and other apps read the store). `after_position`: the log's head when the webhook
 * was made; only later events are sent to it. A delivery's id is its `webhook-id`. Deliveries have
 * no foreign key to their webhook: the outbox projection must never fail on a webhook deleted
 * while it writes (it would park the event); the dispatcher sends only deliveries of live webhooks.
 * Times of creation are kept to the millisecond, as the lists' cursors carry them; a delivery's is
 * the clock's, not its transaction's, so the deliveries of one batch keep the order of its events.
 */
export class Webhooks1765700000001 implements MigrationInterface {
  name = 'Webhooks1765700000001';

  async up(runner: QueryRunner): Promise<void> {
    const t = webhookTables(runner.connection);
    await runner.query(`
      CREATE TABLE ${t.subscriptions} (
        webhook_id uuid PRIMARY KEY,
        url text NOT NULL,
        events text[] NOT NULL,
        secret_salt bytea NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        after_position bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${t.deliveries} (
        delivery_id text PRIMARY KEY,
        webhook_id uuid NOT NULL,
        event_name text NOT NULL,
        event_id uuid NOT NULL,
        body text NOT NULL,
        subject text,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        next_attempt_at timestamptz,
        leased_until timestamptz,
        settled_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX webhook_deliveries_due ON ${t.deliveries} (next_attempt_at) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX webhook_deliveries_log ON ${t.deliveries} (webhook_id, created_at, delivery_id)`,
    );
    await runner.query(
      `CREATE INDEX webhook_deliveries_subject ON ${t.deliveries} (subject) WHERE status = 'pending' AND subject IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE ${t.attempts} (
        delivery_id text NOT NULL REFERENCES ${t.deliveries} ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    await runner.query(`CREATE TABLE ${t.marks} (mark text PRIMARY KEY)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const t = webhookTables(runner.connection);
    for (const table of [t.attempts, t.deliveries, t.subscriptions, t.marks])
      await runner.query(`DROP TABLE ${table}`);
  }
}
