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
      current = {
        ...current,
        data: next.upcast(current.data),
        schemaVersion: current.schemaVersion + 1,
      };
    }
  }
}
