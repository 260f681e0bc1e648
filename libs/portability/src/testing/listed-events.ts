import { randomUUID } from 'node:crypto';
import { Checkpoint, EventStore, ReadAllOptions, RecordedEvent, START } from '@libs/event-store';

/**
 * The read side of an event store over a list, for unit tests of what reads a coop's history:
 * `readAll` (filtered by coop, paged, resumable) and `headPosition`; appends go through `record`.
 */
export class ListedEvents implements Pick<EventStore, 'readAll' | 'headPosition'> {
  readonly events: RecordedEvent[] = [];

  record(coopId: string | null, streamId: string, type: string, data: unknown): RecordedEvent {
    const streamVersion = this.events.filter((e) => e.streamId === streamId).length + 1;
    const globalPosition = this.events.length + 1;
    const event: RecordedEvent = {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data,
      metadata: {
        coopId,
        actor: 'admin-1',
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
      occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, globalPosition)),
      streamId,
      streamVersion,
      globalPosition,
      checkpoint: String(globalPosition),
    };
    this.events.push(event);
    return event;
  }

  async *readAll(from: Checkpoint, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const after = from === START ? 0 : Number(from);
    let left = options.maxCount ?? Infinity;
    // Reads the list as it is at each step, so events recorded while reading show up at the end.
    for (let i = after; i < this.events.length && left > 0; i++) {
      const event = this.events[i];
      if (options.filter?.coopId !== undefined && event.metadata.coopId !== options.filter.coopId) {
        continue;
      }
      left--;
      yield event;
    }
  }

  async headPosition(): Promise<number> {
    return this.events.length;
  }

  /** As the store the writer expects: only the read side is ever called. */
  asStore(): EventStore {
    return this as unknown as EventStore;
  }
}
