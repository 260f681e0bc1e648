import { RecordedEvent } from '@libs/event-store';
import { WebhookEventName } from './event-names';

/**
 * What an app's outbox remembers between events, in the projection's transaction: marks such as
 * "this allocation is ours", for an event that does not say so itself (a decision names only the
 * allocation).
 */
export interface WebhookMemory {
  has(mark: string): Promise<boolean>;
  add(mark: string): Promise<void>;
}

/** What one recorded event means to webhook subscribers. */
export type WebhookEffect =
  | {
      send: WebhookEventName;
      data: Record<string, unknown>;
      /** Not before (a reminder ahead of a date); default: at once. */
      sendAt?: Date;
      /** Names the deliveries a later event may cancel before they are sent. */
      subject?: string;
    }
  | {
      /** Cancels the deliveries of this subject not yet attempted (the reminder is moot). */
      cancel: string;
    };

/** An app's mapping from the store's events to webhook events. */
export interface WebhookEventSource {
  /** The event types `map` looks at: the outbox's subscription reads only these. */
  eventTypes: string[];
  map(event: RecordedEvent, memory: WebhookMemory): Promise<WebhookEffect[]>;
}

type Handler = (
  event: RecordedEvent,
  memory: WebhookMemory,
) => WebhookEffect[] | Promise<WebhookEffect[]>;

/** A source from one handler per event type: the types it reads are the handlers'. */
export function webhookEventSource(handlers: Record<string, Handler>): WebhookEventSource {
  return {
    eventTypes: Object.keys(handlers),
    map: async (event, memory) => (await handlers[event.type]?.(event, memory)) ?? [],
  };
}

/** A handler that sends `name` with the payload `data` makes of the event. */
export function sendAs(
  name: WebhookEventName,
  data: (event: RecordedEvent) => Record<string, unknown>,
): Handler {
  return (event) => [{ send: name, data: data(event) }];
}
