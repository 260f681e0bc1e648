import { DomainEvent } from '@libs/contracts';
import { EventMetadata } from '@libs/event-store';

/**
 * A domain event as its stream records it: the aggregate stamps new events with this envelope
 * before they are appended, and the in-process EventBus publishes them in this shape, so a handler
 * knows which stream and version an event belongs to, who caused it and why.
 */
export type StreamEvent<Event extends DomainEvent = DomainEvent> = Event & {
  eventId: string;
  streamId: string;
  /** 1 for the stream's first event. */
  streamVersion: number;
  schemaVersion: number;
  occurredAt: Date;
  metadata: EventMetadata;
};
