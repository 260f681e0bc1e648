/** The events a webhook may subscribe to: the public names, apart from the store's event types. */
export const WEBHOOK_EVENT_NAMES = [
  'coop.admitted',
  'coop.withdrawn',
  'allocation.proposed',
  'allocation.decided',
  'allocation.disbursed',
  'compliance.alert',
  'pledge.cancelled',
  'funding.deadline_soon',
  'training.enrolled',
  'booking.created',
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

export function isWebhookEventName(name: unknown): name is WebhookEventName {
  return (WEBHOOK_EVENT_NAMES as readonly unknown[]).includes(name);
}
