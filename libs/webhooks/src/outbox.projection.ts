import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { Projection } from '@libs/projections';
import { outboxSignal } from './outbox-signal';
import { WebhookEffect, WebhookEventSource, WebhookMemory } from './webhook-event-source';
import { messageId } from './webhook-secrets';
import { webhookTables, WebhookTables } from './webhook-tables';

export const OUTBOX_PROJECTION = 'webhook_outbox';

/**
 * The outbox: a projection that turns each committed event into one pending delivery per webhook
 * subscribed to what it means. The runner commits these rows with its checkpoint, so an event is
 * put in the outbox exactly once, and only once it is in the log: nothing is sent for what did not
 * happen, nothing is lost when the app dies. A delivery's id is derived from the event and the
 * webhook, so a rebuild adds nothing already there (and `reset` keeps the log of deliveries).
 */
export function webhookOutboxProjection(source: WebhookEventSource): Projection {
  return {
    name: OUTBOX_PROJECTION,
    version: 1,
    eventTypes: source.eventTypes,

    // The deliveries are a log of what was sent, not a view: a rebuild must not forget them.
    async reset() {},

    async apply(events, manager) {
      const tables = webhookTables(manager.connection);
      const memory = memoryIn(manager, tables);
      let written = false;
      for (const event of events) {
        for (const effect of await source.map(event, memory))
          written = (await write(manager, tables, event, effect)) || written;
      }
      if (written) outboxSignal.written();
    },
  };
}

async function write(
  manager: EntityManager,
  t: WebhookTables,
  event: RecordedEvent,
  effect: WebhookEffect,
): Promise<boolean> {
  if ('cancel' in effect) {
    await manager.query(
      `UPDATE ${t.deliveries} SET status = 'cancelled', next_attempt_at = NULL, settled_at = now()
       WHERE subject = $1 AND status = 'pending' AND attempts = 0`,
      [effect.cancel],
    );
    return false;
  }
  const webhooks: { webhook_id: string }[] = await manager.query(
    `SELECT webhook_id FROM ${t.subscriptions} WHERE $1 = ANY(events) AND after_position < $2`,
    [effect.send, event.globalPosition],
  );
  if (webhooks.length === 0) return false;
  const body = JSON.stringify({
    type: effect.send,
    timestamp: event.occurredAt.toISOString(),
    data: effect.data,
  });
  const sendAt = effect.sendAt && effect.sendAt.getTime() > Date.now() ? effect.sendAt : new Date();
  for (const { webhook_id } of webhooks) {
    await manager.query(
      `INSERT INTO ${t.deliveries}
         (delivery_id, webhook_id, event_name, event_id, body, subject, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (delivery_id) DO NOTHING`,
      [
        messageId(event.eventId, effect.send, webhook_id),
        webhook_id,
        effect.send,
        event.eventId,
        body,
        effect.subject ?? null,
        sendAt,
      ],
    );
  }
  return true;
}

function memoryIn(manager: EntityManager, t: WebhookTables): WebhookMemory {
  return {
    async has(mark) {
      const rows: unknown[] = await manager.query(`SELECT 1 FROM ${t.marks} WHERE mark = $1`, [
        mark,
      ]);
      return rows.length > 0;
    },
    async add(mark) {
      await manager.query(`INSERT INTO ${t.marks} (mark) VALUES ($1) ON CONFLICT DO NOTHING`, [
        mark,
      ]);
    },
  };
}
