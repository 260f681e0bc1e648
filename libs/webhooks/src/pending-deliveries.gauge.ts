import { Gauge, register } from 'prom-client';
import { DataSource } from 'typeorm';
import { webhookTables } from './webhook-tables';

const NAME = 'webhook_deliveries_pending';

/**
 * `webhook_deliveries_pending` in `GET /metrics` (prom-client's default registry, which
 * `@libs/observability` serves): deliveries of live webhooks not yet delivered, failed or
 * cancelled, read from the database at each scrape, so true whichever process sends them.
 */
export function pendingDeliveriesGauge(db: DataSource): { remove(): void } {
  const t = webhookTables(db);
  register.removeSingleMetric(NAME);
  new Gauge({
    name: NAME,
    help: 'Webhook deliveries waiting to be sent or retried',
    async collect() {
      const [row] = (await db.query(
        `SELECT count(*)::int AS pending FROM ${t.deliveries} AS d
          WHERE d.status = 'pending'
            AND EXISTS (SELECT 1 FROM ${t.subscriptions} AS s WHERE s.webhook_id = d.webhook_id)`,
      )) as { pending: number }[];
      this.set(row.pending);
    },
  });
  return { remove: () => register.removeSingleMetric(NAME) };
}
