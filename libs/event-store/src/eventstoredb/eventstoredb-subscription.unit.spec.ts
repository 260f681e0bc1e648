import { AllStreamResolvedEvent, AllStreamSubscription, START } from '@eventstore/db-client';
import { PassThrough } from 'node:stream';
import { RecordedEvent } from '../envelope';
import { ReadFrom } from './esdb-checkpoint';
import { EventStoreDBSubscription, GlobalLog, GlobalPage } from './eventstoredb-subscription';

/** Event n sits at $all position n; odd-numbered ones are "filtered out" by `accept`. */
const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });
const resolved = (n: number) =>
  ({ event: { id: `e${n}`, type: 'T', position: at(n) } }) as unknown as AllStreamResolvedEvent;
const recorded = (n: number) => ({ eventId: `e${n}`, checkpoint: `${n}:${n}` }) as RecordedEvent;
const wanted = (n: number) => n % 2 === 0;

/** A log of positions 1..committed for catch-up, and a live stream the test feeds. */
class FakeLog implements GlobalLog {
  readonly pagesRead: ReadFrom[] = [];
  readonly subscribedFrom: ReadFrom[] = [];
  live: (PassThrough & { unsubscribed: boolean }) | undefined;

  constructor(public committed: number) {}

  async readPage(after: ReadFrom, limit: number): Promise<GlobalPage> {
    this.pagesRead.push(after);
    const start = after === START ? 1 : Number(after.commit) + 1;
    const read = [];
    for (let n = start; n <= this.committed && read.length < limit; n++) read.push(n);
    return {
      events: read.filter(wanted).map(recorded),
      readTo: read.length > 0 ? at(read[read.length - 1]) : after,
      exhausted: read.length < limit,
    };
  }

  subscribe(after: ReadFrom, buffered: number): AllStreamSubscription {
    this.subscribedFrom.push(after);
    const live = Object.assign(new PassThrough({ objectMode: true, highWaterMark: buffered }), {
      unsubscribed: false,
      unsubscribe: async () => {
        live.unsubscribed = true;
      },
    });
    this.live = live;
    return live as unknown as AllStreamSubscription;
  }

  accept(event: AllStreamResolvedEvent): RecordedEvent | undefined {
    const n = Number(event.event!.position.commit);
    return wanted(n) ? recorded(n) : undefined;
  }

  async untilLive(): Promise<PassThrough & { unsubscribed: boolean }> {
    while (!this.live) await new Promise((resolve) => setTimeout(resolve, 1));
    return this.live;
  }
}

function recorder() {
  const batches: string[][] = [];
  const handler = async (events: RecordedEvent[]) => {
    batches.push(events.map((e) => e.eventId));
  };
  const all = () => batches.flat();
  const until = async (count: number) => {
    while (all().length < count) await new Promise((resolve) => setTimeout(resolve, 1));
    return all();
  };
  return { batches, handler, all, until };
}

describe('EventStoreDBSubscription', () => {
  it('catches up page by page, says so once it handled them, then follows live', async () => {
    const log = new FakeLog(9);
    const { batches, handler, all, until } = recorder();
    let handledWhenCaughtUp: string[] = [];

    const subscription = new EventStoreDBSubscription(log, START, handler, 3);
    await subscription.caughtUp.then(() => (handledWhenCaughtUp = all()));
    const live = await log.untilLive();
    [10, 11, 12].forEach((n) => live.write(resolved(n)));
    await until(5);
    await subscription.stop();

    expect(handledWhenCaughtUp).toEqual(['e2', 'e4', 'e6', 'e8']);
    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    // Live starts after the last event the pages read, wanted or not.
    expect(log.subscribedFrom).toEqual([at(9)]);
    expect(all()).toEqual(['e2', 'e4', 'e6', 'e8', 'e10', 'e12']);
    await expect(subscription.done).resolves.toBeUndefined();
    expect(live.unsubscribed).toBe(true);
    expect(live.destroyed).toBe(true);
  });

  it('resumes after a given position and reports caught up on an empty remainder', async () => {
    const log = new FakeLog(4);
    const { handler, all } = recorder();

    const subscription = new EventStoreDBSubscription(log, at(4), handler, 10);
    await subscription.caughtUp;
    await subscription.stop();

    expect(all()).toEqual([]);
    expect(log.pagesRead).toEqual([at(4)]);
  });

  it('never hands over a live event at or before the last one handled', async () => {
    const log = new FakeLog(4);
    const { handler, all, until } = recorder();

    const subscription = new EventStoreDBSubscription(log, START, handler, 10);
    const live = await log.untilLive();
    [4, 2, 6, 6, 8].forEach((n) => live.write(resolved(n)));
    await until(4);
    await subscription.stop();

    expect(all()).toEqual(['e2', 'e4', 'e6', 'e8']);
  });

  it('hands live events in batches no larger than asked', async () => {
    const log = new FakeLog(0);
    const { batches, handler, until } = recorder();

    const subscription = new EventStoreDBSubscription(log, START, handler, 2);
    const live = await log.untilLive();
    [2, 4, 6, 8, 10].forEach((n) => live.write(resolved(n)));
    await until(5);
    await subscription.stop();

    expect(batches.flat()).toEqual(['e2', 'e4', 'e6', 'e8', 'e10']);
    expect(Math.max(...batches.map((b) => b.length))).toBe(2);
  });

  it('ends with the error its handler throws, live or catching up', async () => {
    const failing = async () => {
      throw new Error('projection failed');
    };

    const catchingUp = new EventStoreDBSubscription(new FakeLog(4), START, failing, 10);
    await expect(catchingUp.done).rejects.toThrow('projection failed');
    await expect(catchingUp.caughtUp).rejects.toThrow('projection failed');

    const log = new FakeLog(0);
    const following = new EventStoreDBSubscription(log, START, failing, 10);
    const live = await log.untilLive();
    live.write(resolved(2));
    await expect(following.done).rejects.toThrow('projection failed');
    expect(live.unsubscribed).toBe(true);
  });

  it('ends with the error of the live stream, and when the server ends it', async () => {
    const log = new FakeLog(0);
    const broken = new EventStoreDBSubscription(log, START, recorder().handler, 10);
    (await log.untilLive()).destroy(new Error('UNAVAILABLE'));
    await expect(broken.done).rejects.toThrow('UNAVAILABLE');

    const endedLog = new FakeLog(0);
    const ended = new EventStoreDBSubscription(endedLog, START, recorder().handler, 10);
    (await endedLog.untilLive()).end();
    await expect(ended.done).rejects.toThrow('EventStoreDB ended the subscription');
  });

  it('stopped before catching up, says it never caught up', async () => {
    const log = new FakeLog(1000);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = new EventStoreDBSubscription(log, START, () => gate, 10);

    const stopped = subscription.stop();
    release();
    await stopped;

    await expect(subscription.caughtUp).rejects.toThrow('stopped before it caught up');
    await expect(subscription.done).resolves.toBeUndefined();
    expect(log.live).toBeUndefined();
  });
});
