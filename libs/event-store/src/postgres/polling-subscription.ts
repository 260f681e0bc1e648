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
   * Asks whether committed events exist beyond the page's read horizon, held back by an older
   * transaction still running (given with a short page). That transaction may write no event and
   * so wake nobody when it ends: the subscription then looks again soon. A question, not an
   * answer: it costs a query, which a subscription woken again meanwhile need not ask.
   */
  heldBack?: () => Promise<boolean>;
}

export type PageReader = (from: Checkpoint, limit: number) => Promise<Page>;

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 50;
/**
 * While a wake source listens, idle polls are only a safety net: they back off up to this. The
 * listener itself wakes every subscription when its connection is lost and again once it listens
 * (see AppendListener), so the net catches only what nothing else would: two minutes apart, an
 * idle app's dozen subscriptions cost its database next to nothing (the embedded one most).
 */
export const SAFETY_NET_MAX_MS = 120_000;
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
 *
 * While the handler applies a page, the next page may already be read (from where the page in
 * hand ends): at once when the page was full, or as soon as a wake-up comes. An event appended
 * during a batch is then in hand when the batch ends, instead of a read later. Pages still reach
 * the handler one at a time, in order, each read from where the one before ended.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** A wake-up came since the last read began: the next pause returns at once. */
  private woken = false;
  /** While the handler runs: reads the next page now (once). */
  private readAhead: (() => void) | undefined;

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
      this.readAhead?.();
    }, options.filter);
    // A wake-up before a read begins is answered by that read: what woke it committed before.
    const read = (position: Checkpoint): Promise<Page> => {
      this.woken = false;
      return readPage(position, batchSize);
    };
    const run = async (): Promise<void> => {
      let position = from;
      let idleMs = pollIntervalMs;
      let heldBackMs = HELD_BACK_FIRST_MS;
      let next: Promise<Page> | undefined;
      while (!this.stopping) {
        const page = await (next ?? read(position));
        next = undefined;
        if (this.stopping) return;
        const { events, scanned } = page;
        const full = events.length === batchSize;
        // A short page's `scanned` is past its last event: the log was read up to the horizon.
        const end = scanned ?? events.at(-1)?.checkpoint ?? position;
        if (events.length > 0) {
          this.readAhead = () => {
            if (next || this.stopping) return;
            next = read(end);
            // Awaited at the top of the loop, unless the handler fails first.
            next.catch(() => undefined);
          };
          if (full) this.readAhead();
          try {
            await handler(events);
          } finally {
            this.readAhead = undefined;
          }
          idleMs = pollIntervalMs;
          // A new batch: whatever held the last one back may be over; look again soon.
          heldBackMs = HELD_BACK_FIRST_MS;
        }
        position = end;
        if (full) continue;
        markCaughtUp();
        if (next || this.woken) continue;
        if (await page.heldBack?.()) {
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
