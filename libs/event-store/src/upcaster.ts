import { RecordedEvent } from './envelope';

/**
 * Turns a recorded event of an old schema version into the next version's shape.
 * Registered per (type, fromVersion); the store applies them in a chain on read, so stored events
 * are never rewritten and every reader sees only current shapes.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/**
 * An upcaster threw on a recorded event: the event cannot be read in today's shape. Carries the
 * event as stored, so that a reader (the projection runner) can set that one event aside.
 */
export class UpcastError extends Error {
  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(
      `cannot upcast ${event.type} v${event.schemaVersion} (event ${event.eventId}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'UpcastError';
  }
}

export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
    this.byKey.set(key, upcaster);
    return this;
  }

  apply(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (;;) {
      const next = this.byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!next) return current;
      let data: unknown;
      try {
        data = next.upcast(current.data);
      } catch (error) {
        throw new UpcastError(event, error);
      }
      current = { ...current, data, schemaVersion: current.schemaVersion + 1 };
    }
  }
}
