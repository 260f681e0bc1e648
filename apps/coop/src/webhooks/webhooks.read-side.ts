import { ReadSide } from '@libs/projections';
import { webhookOutboxProjection, Webhooks1765700000001 } from '@libs/webhooks';
import { coopWebhookEvents } from './coop-webhook-events';

/** The webhooks' outbox, filled by a projection from this coop's events (libs/webhooks). */
export const WEBHOOKS_READ_SIDE: ReadSide<string> = {
  migrations: [Webhooks1765700000001],
  projections: (coopId) => [webhookOutboxProjection(coopWebhookEvents(coopId))],
};
