import { Checkpoint, RecordedEvent } from '../envelope';
import { BatchHandler, SubscribeOptions, Subscription } from '../event-store.port';
import { WakeSource } from './append-listener';

/**
 * Up to `limit` events after `from`, in global order; `scanned`, when the page came back short, is
 * a checkpoint up to which the whole log has been read (beyond the last event, when a filter
 * skipped the rest): the next poll resumes there instead of re-reading what no event matched.
 */
export interface Page {
  events: RecordedEvent[];
  scanned?: Checkpoint;
  /**
   * Committed events exist beyond the read horizon, held back by an older transaction still
   * running. That transaction may write no event and so wake nobody when it ends: look again soon.
   */
  heldBack?: boolean;
}

export type PageReader = (from: Checkpoint, limit: number) => Promise<Page>;

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 50;
/** While a wake source listens, idle polls are only a safety net: they back off up to this. */
export const SAFETY_NET_MAX_MS = 30_000;
/** When events are held back, look again after this, doubling up to HELD_BACK_MAX_MS. */
const HELD_BACK_FIRST_MS = 2;
const HELD_BACK_MAX_MS = 1_000;

/**
 * A subscription over the store's page query: reads a page, waits for the handler, reads on from
 * the page's last checkpoint; once a page comes back short (it is caught up) it sleeps until a
 * wake source (the store's LISTEN connection) says something was appended, or a poll is due.
 * Without a wake source, or while it is not listening, it polls every `pollIntervalMs`; while it
 * listens, polls are a safety net that backs off from `pollIntervalMs` to seconds. Every wake-up
 * only triggers the readAll query, so the guarantee is that query's: no skip, no repeat.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** A wake-up came while reading: the next pause returns at once. */
  private woken = false;

  constructor(
    readPage: PageReader,
    from: Checkpoint,
    handler: BatchHandler,
    options: SubscribeOptions = {},
    wakeSource?: WakeSource,
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

    const unregister = wakeSource?.register(() => {
      this.woken = true;
      this.wake?.();
    }, options.filter);
    const run = async (): Promise<void> => {
      let position = from;
      let idleMs = pollIntervalMs;
      let heldBackMs = HELD_BACK_FIRST_MS;
      while (!this.stopping) {
        this.woken = false;
        const { events, scanned, heldBack } = await readPage(position, batchSize);
        if (this.stopping) return;
        if (events.length > 0) {
          await handler(events);
          position = events[events.length - 1].checkpoint;
          idleMs = pollIntervalMs;
        }
        if (scanned) position = scanned;
        if (events.length < batchSize) {
          markCaughtUp();
          if (heldBack) {
            await this.pause(heldBackMs);
            heldBackMs = Math.min(heldBackMs * 2, HELD_BACK_MAX_MS);
          } else if (wakeSource?.listening) {
            heldBackMs = HELD_BACK_FIRST_MS;
            await this.pause(idleMs);
            idleMs = Math.min(idleMs * 2, Math.max(pollIntervalMs, SAFETY_NET_MAX_MS));
          } else {
            heldBackMs = HELD_BACK_FIRST_MS;
            await this.pause(pollIntervalMs);
          }
        }
      }
    };
    this.done = run()
      .finally(() => unregister?.())
      .then(
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
    if (this.woken || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
