import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { ANY } from '@libs/event-store';
import { ProjectionRunner } from '@libs/projections';
import { openTestbed, Testbed } from '../../../tests/projections/testbed';
import { OUTBOX_PROJECTION, webhookOutboxProjection } from './outbox.projection';
import { readUrlPolicy } from './url-policy';
import { webhookEventSource } from './webhook-event-source';
import { messageId, WebhookSecrets } from './webhook-secrets';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { webhookTables } from './webhook-tables';
import { Webhooks1765700000001 } from './webhooks.migration';

const quiet: LoggerService = { log() {}, warn() {}, error() {} };

// A mapping of test events: `Admitted` sends coop.admitted, `Applied` schedules a reminder that
// `Decided` cancels.
const source = webhookEventSource({
  Admitted: (event) => [{ send: 'coop.admitted', data: event.data as Record<string, unknown> }],
  Applied: (event) => [
    {
      send: 'funding.deadline_soon',
      data: {},
      sendAt: new Date(Date.now() + 86_400_000),
      subject: `application/${(event.data as { id: string }).id}`,
    },
  ],
  Decided: (event) => [{ cancel: `application/${(event.data as { id: string }).id}` }],
});

describe('the webhook outbox', () => {
  let bed: Testbed;
  let runner: ProjectionRunner;
  let webhooks: WebhookSubscriptions;
  const append = (type: string, data: object) =>
    bed.store.appendToStream(
      `consortium/test/${randomUUID()}`,
      [
        {
          eventId: randomUUID(),
          type,
          schemaVersion: 1,
          data,
          metadata: { coopId: null, actor: 't', correlationId: 'c', causationId: 'c' },
        },
      ],
      ANY,
    );
  const deliveries = async () =>
    (await bed.dataSource.query(
      `SELECT delivery_id, webhook_id, event_id, event_name, status, subject
         FROM ${webhookTables(bed.dataSource).deliveries} ORDER BY event_name`,
    )) as {
      delivery_id: string;
      webhook_id: string;
      event_id: string;
      event_name: string;
      status: string;
    }[];

  beforeAll(async () => {
    bed = await openTestbed([], [Webhooks1765700000001]);
    runner = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [webhookOutboxProjection(source)],
      logger: quiet,
    });
    webhooks = new WebhookSubscriptions(
      bed.dataSource,
      bed.store,
      new WebhookSecrets(Buffer.alloc(32, 7)),
      readUrlPolicy({}),
    );
  });

  afterAll(async () => {
    await runner.stop();
    await bed.dispose();
  });

  it('holds one delivery per event recorded after the webhook was made, for the names it chose', async () => {
    await append('Admitted', { coopId: 'before' });
    const actor = { sub: 'board-1', role: 'board-member' as const };
    const { webhookId } = await webhooks.create(
      { url: 'https://hooks.example.org/a', events: ['coop.admitted'] },
      actor,
    );
    const { webhookId: other } = await webhooks.create(
      { url: 'https://hooks.example.org/b', events: ['funding.deadline_soon'] },
      actor,
    );
    await append('Admitted', { coopId: 'after' });
    await append('Applied', { id: 'a1' });
    await runner.start();
    await runner.waitUntilCaughtUp(10_000);

    const rows = await deliveries();
    expect(rows.map((row) => [row.webhook_id, row.event_name, row.status])).toEqual([
      [webhookId, 'coop.admitted', 'pending'],
      [other, 'funding.deadline_soon', 'pending'],
    ]);
    for (const row of rows)
      expect(row.delivery_id).toBe(messageId(row.event_id, row.event_name, row.webhook_id));
  });

  it('cancels a scheduled delivery not yet attempted when a later event makes it moot', async () => {
    await append('Decided', { id: 'a1' });
    await runner.waitUntilCaughtUp(10_000);
    expect((await deliveries()).map((row) => row.status)).toEqual(['pending', 'cancelled']);
  });

  it('adds nothing already there when rebuilt, and keeps what was delivered', async () => {
    const before = await deliveries();
    await bed.dataSource.query(
      `UPDATE ${webhookTables(bed.dataSource).deliveries} SET status = 'delivered', next_attempt_at = NULL
        WHERE delivery_id = $1`,
      [before[0].delivery_id],
    );
    await runner.rebuild(OUTBOX_PROJECTION);
    expect((await deliveries()).map((row) => [row.delivery_id, row.status])).toEqual([
      [before[0].delivery_id, 'delivered'],
      [before[1].delivery_id, 'cancelled'],
    ]);
  });
});
