import { ReadSide } from '@libs/projections';
import { webhookOutboxProjection, Webhooks1765700000001 } from '@libs/webhooks';
import { consortiumWebhookEvents, deadlineNoticeDays } from './consortium-webhook-events';

/** The webhooks' outbox, filled by a projection from the consortium's events (libs/webhooks). */
export const WEBHOOKS_READ_SIDE: ReadSide = {
  migrations: [Webhooks1765700000001],
  projections: () => [webhookOutboxProjection(consortiumWebhookEvents(deadlineNoticeDays()))],
};
