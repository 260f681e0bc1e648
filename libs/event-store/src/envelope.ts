/**
 * The event envelope: what every event carries besides its payload.
 *
 * `NewEvent` is what a writer hands to `appendToStream`; `RecordedEvent` is what readers get back,
 * with the store's positions filled in. Payload types live in `@libs/contracts`.
 */

/** Who did it and why it happened, carried by every event. */
export interface EventMetadata {
  /** The coop the event belongs to (also encoded in the stream name); null for consortium-wide events. */
  coopId: string | null;
  /** The `sub` of the person or process that caused the event. */
  actor: string;
  /** Shared by every event caused by one request. */
  correlationId: string;
  /** The id of the event or command that caused this one. */
  causationId: string;
  /**
   * The W3C trace context of the append, when tracing was on (set by `observedEventStore`):
   * whoever applies the event links its work to the request that caused it.
   */
  traceparent?: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** Chosen by the writer (uuid): retrying an append with the same ids records nothing new. */
  eventId: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  /** When it happened in the domain; defaults to the time of the append. */
  occurredAt?: Date;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends Required<
  NewEvent<Type, Data>
> {
  streamId: string;
  /** 1 for the stream's first event; the stream's version is its last event's. */
  streamVersion: number;
  /** Unique and increasing with the order the store assigned; for display and export. */
  globalPosition: number;
  /** Where a reader stands once it has handled this event: pass it back to resume after it. */
  checkpoint: Checkpoint;
}

/**
 * A reader's place in the global log, opaque outside the adapter that made it.
 * It is the very key the adapter orders its global reads by, so resuming from it can neither skip
 * nor repeat an event.
 */
export type Checkpoint = string;

/** Read or subscribe from the beginning of the log. */
export const START: Checkpoint = 'start';
