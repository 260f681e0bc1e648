import { Checkpoint, EventStore, START } from '@libs/event-store';

const PAGE_SIZE = 1_000;

/**
 * How far the log can be read yet. `headPosition()` counts every committed event, but a store may
 * hold recent ones back from readers for a while (the PostgreSQL adapter shows only events of
 * transactions below the oldest one still running). Until the event at the head is readable, "no
 * pending event for this projection" proves nothing: this tells when it is.
 *
 * Learns from the batches the runner applies (an applied event was read), and only when that is
 * not enough asks the store (`readsReach`) or, for a store that cannot say, reads the log itself:
 * once from the start, then only what is new (unfiltered, in pages).
 */
export class ReadableLog {
  private cursor: Checkpoint = START;
  private highestPosition = 0;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  /** An event at `position` was read. */
  observe(position: number): void {
    this.highestPosition = Math.max(this.highestPosition, position);
  }

  /** Whether an event at `position` or after it can be read now. */
  async reaches(position: number): Promise<boolean> {
    // One reader at a time, each going on from where the last stopped.
    const read = this.reading.then(() => this.readOn(position));
    this.reading = read.catch(() => undefined);
    await read;
    return this.highestPosition >= position;
  }

  private async readOn(position: number): Promise<void> {
    if (this.highestPosition >= position) return;
    if (this.store.readsReach) {
      if (await this.store.readsReach(position)) this.observe(position);
      return;
    }
    for await (const event of this.store.readAll(this.cursor, { pageSize: PAGE_SIZE })) {
      this.cursor = event.checkpoint;
      this.highestPosition = Math.max(this.highestPosition, event.globalPosition);
      if (this.highestPosition >= position) return;
    }
  }
}
