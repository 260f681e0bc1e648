import { Checkpoint, RecordedEvent } from '../envelope';
import { BatchHandler, SubscribeOptions, Subscription } from '../event-store.port';

/**
 * Up to `limit` events after `from`, in global order; `scanned`, when the page came back short, is
 * a checkpoint up to which the whole log has been read (beyond the last event, when a filter
 * skipped the rest): the next poll resumes there instead of re-reading what no event matched.
 */
export interface Page {
  events: RecordedEvent[];
  scanned?: Checkpoint;
}

export type PageReader = (from: Checkpoint, limit: number) => Promise<Page>;

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 50;

/**
 * A subscription for a store that can only be polled: reads a page, waits for the handler, reads
 * on from the page's last checkpoint; sleeps between polls once a page comes back short (it is
 * caught up). Exactly the readAll query, so it inherits its guarantee: no skip, no repeat.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    readPage: PageReader,
    from: Checkpoint,
    handler: BatchHandler,
    options: SubscribeOptions = {},
  ) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new Error(`batchSize must be a positive integer`);

    let markCaughtUp!: () => void;
    let failCaughtUp!: (error: unknown) => void;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      markCaughtUp = resolve;
      failCaughtUp = reject;
    });
    // Whoever awaits caughtUp still sees the rejection; nobody awaiting it is not an error.
    this.caughtUp.catch(() => undefined);

    const run = async (): Promise<void> => {
      let position = from;
      while (!this.stopping) {
        const { events, scanned } = await readPage(position, batchSize);
        if (this.stopping) return;
        if (events.length > 0) {
          await handler(events);
          position = events[events.length - 1].checkpoint;
        }
        if (scanned) position = scanned;
        if (events.length < batchSize) {
          markCaughtUp();
          await this.pause(pollIntervalMs);
        }
      }
    };
    this.done = run().then(
      () => failCaughtUp(new Error('subscription stopped before it caught up')),
      (error: unknown) => {
        failCaughtUp(error);
        throw error;
      },
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
