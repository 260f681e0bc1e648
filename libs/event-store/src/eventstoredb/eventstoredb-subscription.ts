import { AllStreamResolvedEvent, AllStreamSubscription, Position } from '@eventstore/db-client';
import { RecordedEvent } from '../envelope';
import { BatchHandler, Subscription } from '../event-store.port';
import { isAfter, ReadFrom } from './esdb-checkpoint';
import { ReadableBatches } from './readable-batches';

/** One page of `$all`: the events a reader wants out of it, and how far the page went. */
export interface GlobalPage {
  events: RecordedEvent[];
  /** The last event the page read, wanted or not: the next page starts after it. */
  readTo: ReadFrom;
  /** The page reached the end of the log. */
  exhausted: boolean;
}

/** What a subscription needs from the store, already narrowed to its filter. */
export interface GlobalLog {
  readPage(after: ReadFrom, limit: number): Promise<GlobalPage>;
  /** A live subscription to `$all` after `after`; holds at most `buffered` events unread. */
  subscribe(after: ReadFrom, buffered: number): AllStreamSubscription;
  /** The event a delivered one stands for, or undefined when the reader does not want it. */
  accept(resolved: AllStreamResolvedEvent): RecordedEvent | undefined;
}

/**
 * Catch-up by paged reads of `$all`, then live on a server-push subscription.
 *
 * The catch-up pages tell exactly when the subscription has handled everything committed before
 * it (a page comes back short), on any server version; EventStoreDB's own `caughtUp` signal only
 * exists from 23.10 on, and a filtered subscription may never say where it stands if nothing
 * matches near the head. Live, the subscription starts after the last event the pages read, so
 * the server's own catch-up covers whatever committed in between, and every delivered event is
 * checked to lie after the last one handled, so nothing is handed over twice.
 */
export class EventStoreDBSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private stopping = false;
  private batches: ReadableBatches<AllStreamResolvedEvent> | undefined;

  constructor(
    private readonly log: GlobalLog,
    from: ReadFrom,
    private readonly handler: BatchHandler,
    private readonly batchSize: number,
  ) {
    let markCaughtUp!: () => void;
    let failCaughtUp!: (error: unknown) => void;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      markCaughtUp = resolve;
      failCaughtUp = reject;
    });
    // Whoever awaits caughtUp still sees the rejection; nobody awaiting it is not an error.
    this.caughtUp.catch(() => undefined);

    const run = async (): Promise<void> => {
      const position = await this.catchUp(from);
      if (position === undefined) return;
      markCaughtUp();
      await this.followLive(position);
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
    this.batches?.cancel();
    await this.done.catch(() => undefined);
  }

  /** Where the catch-up ended, or undefined when stopped before. */
  private async catchUp(from: ReadFrom): Promise<ReadFrom | undefined> {
    let position = from;
    for (;;) {
      if (this.stopping) return undefined;
      const page = await this.log.readPage(position, this.batchSize);
      if (this.stopping) return undefined;
      if (page.events.length > 0) await this.handler(page.events);
      position = page.readTo;
      if (page.exhausted) return position;
    }
  }

  private async followLive(from: ReadFrom): Promise<void> {
    if (this.stopping) return;
    const live = this.log.subscribe(from, this.batchSize);
    const batches = new ReadableBatches<AllStreamResolvedEvent>(live);
    this.batches = batches;
    let position = from;
    try {
      while (!this.stopping) {
        const delivered = await batches.next(this.batchSize);
        if (delivered === undefined) {
          if (this.stopping) return;
          throw new Error('EventStoreDB ended the subscription to $all');
        }
        const events: RecordedEvent[] = [];
        for (const resolved of delivered) {
          const at: Position | undefined = resolved.event?.position;
          if (at === undefined || !isAfter(at, position)) continue;
          position = at;
          const event = this.log.accept(resolved);
          if (event) events.push(event);
        }
        if (events.length > 0) await this.handler(events);
      }
    } finally {
      batches.cancel();
      await live.unsubscribe();
      live.destroy();
    }
  }
}
