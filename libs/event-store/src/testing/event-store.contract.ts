import { randomUUID } from 'node:crypto';
import { coopStream } from '@libs/contracts';
import { Checkpoint, NewEvent, RecordedEvent, START } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import { EventStore, ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version';
import { Upcasters } from '../upcaster';
import { newEvent } from './new-event';

/**
 * The behaviour every EventStore adapter owes its users, as one jest suite that each adapter's
 * integration spec calls with a factory. Every test works on its own coop id and stream names,
 * so the suite also runs against a shared store that already holds events (EventStoreDB cannot be
 * wiped between runs). The factory is called once per suite and must build its store with the
 * `upcasters` it is given: the suite checks that they are applied on every read path.
 */
export interface ContractStoreFactory {
  (options: { upcasters: Upcasters }): Promise<{ store: EventStore; dispose(): Promise<void> }>;
}

/** The schema-1 payload the contract's upcaster renames; only the contract appends this type. */
const RENAMED_TYPE = 'ContractMemberRenamed';

const contractUpcasters = (): Upcasters =>
  new Upcasters([
    {
      type: RENAMED_TYPE,
      fromVersion: 1,
      upcast: (data) => ({ fullName: (data as { name: string }).name }),
    },
  ]);

/** What an adapter cannot promise, said out loud so the suite checks everything else. */
export interface ContractLimits {
  /** EventStoreDB has no index of event ids across streams: reuse in another stream goes unseen. */
  eventIdsUniqueAcrossStreams?: boolean;
}

export function describeEventStoreContract(
  name: string,
  makeStore: ContractStoreFactory,
  limits: ContractLimits = {},
): void {
  const acrossStreams = limits.eventIdsUniqueAcrossStreams ?? true;
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dispose } = await makeStore({ upcasters: contractUpcasters() }));
    });

    afterAll(async () => {
      await dispose?.();
    });

    /** A fresh coop with a stream factory, so tests never see each other's events. */
    function newCoop(): { coopId: string; stream(aggregate?: string): string } {
      const coopId = randomUUID();
      return {
        coopId,
        stream: (aggregate = 'member') => coopStream(coopId, aggregate, randomUUID()),
      };
    }

    function event(coopId: string, type = 'ContractMemberAdmitted', data: unknown = {}): NewEvent {
      return newEvent(coopId, type, data);
    }

    function events(coopId: string, count: number, type?: string): NewEvent[] {
      return Array.from({ length: count }, (_, i) => event(coopId, type, { n: i + 1 }));
    }

    async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
      const all: RecordedEvent[] = [];
      for await (const e of iterable) all.push(e);
      return all;
    }

    const readStream = (streamId: string, fromVersion?: number, pageSize?: number) =>
      collect(store.readStream(streamId, fromVersion, { pageSize }));
    /**
     * Global reads may hold committed events back for a moment (PostgreSQL: while an older
     * transaction anywhere on the server is in flight, e.g. another test run's); a reader that
     * wants everything appended so far waits until the store says its reads reach the head.
     */
    const readAll = async (from: Checkpoint, options: ReadAllOptions) => {
      const head = await store.headPosition();
      const deadline = Date.now() + 10_000;
      while (head > 0 && store.readsReach && !(await store.readsReach(head))) {
        if (Date.now() > deadline) break; // read anyway: the assertions will tell what is missing
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return collect(store.readAll(from, options));
    };
    const ids = (recorded: { eventId: string }[]) => recorded.map((e) => e.eventId);

    /** A running subscription and everything it has handled so far. */
    function subscribe(from: Checkpoint, options: SubscribeOptions) {
      const received: RecordedEvent[] = [];
      const subscription: Subscription = store.subscribeToAll(
        from,
        async (batch) => {
          received.push(...batch);
        },
        { pollIntervalMs: 20, ...options },
      );
      let ended: { error: unknown } | undefined;
      subscription.done.then(
        () => (ended = { error: new Error('subscription stopped') }),
        (error: unknown) => (ended = { error }),
      );
      /** Resolves once `count` events arrived; the test's timeout fails it if they never do. */
      const untilReceived = async (count: number): Promise<RecordedEvent[]> => {
        while (received.length < count) {
          if (ended) throw ended.error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return received;
      };
      return { subscription, received, untilReceived };
    }

    describe('appending and reading a stream', () => {
      it('records the events with their envelope, versions from 1, positions increasing', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const appended = [
          {
            ...event(coopId, 'ContractMemberAdmitted', { shares: 3 }),
            occurredAt: new Date('2027-03-01T10:00:00Z'),
          },
          event(coopId, 'ContractSharesPaid', { amount: '120.50' }),
        ];

        const result = await store.appendToStream(streamId, appended, NO_STREAM);
        const read = await readStream(streamId);

        expect(result.appended).toBe(true);
        expect(result.nextExpectedVersion).toBe(2);
        expect(read).toMatchObject(
          appended.map((e, i) => ({
            eventId: e.eventId,
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: e.metadata,
            streamId,
            streamVersion: i + 1,
          })),
        );
        expect(read[0].occurredAt.toISOString()).toBe('2027-03-01T10:00:00.000Z');
        expect(read[1].occurredAt).toBeInstanceOf(Date);
        expect(read.map((e) => e.globalPosition)).toEqual(result.globalPositions);
        expect(read[1].globalPosition).toBeGreaterThan(read[0].globalPosition);
        expect(await store.streamVersion(streamId)).toBe(2);
      });

      it('knows a stream that does not exist: version 0, no events', async () => {
        const streamId = newCoop().stream();
        expect(await store.streamVersion(streamId)).toBe(0);
        expect(await readStream(streamId)).toEqual([]);
      });

      it('reads from a given version, across pages smaller than the stream', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const appended = events(coopId, 7);
        await store.appendToStream(streamId, appended.slice(0, 4), NO_STREAM);
        await store.appendToStream(streamId, appended.slice(4), 4);

        const everything = await readStream(streamId, 1, 2);
        const fromFifth = await readStream(streamId, 5, 2);

        expect(everything.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(ids(everything)).toEqual(ids(appended));
        expect(ids(fromFifth)).toEqual(ids(appended.slice(4)));
      });
    });

    describe('optimistic concurrency', () => {
      it('appends when the expected version is the current one, and refuses a stale one', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        await store.appendToStream(streamId, events(coopId, 2), NO_STREAM);

        const next = await store.appendToStream(streamId, [event(coopId)], 2);
        const stale = store.appendToStream(streamId, [event(coopId)], 2);

        expect(next.nextExpectedVersion).toBe(3);
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(stale).rejects.toMatchObject({ streamId, expected: 2, actual: 3 });
        expect(await store.streamVersion(streamId)).toBe(3);
      });

      it('refuses NO_STREAM on a stream that exists', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        await store.appendToStream(streamId, [event(coopId)], NO_STREAM);

        const again = store.appendToStream(streamId, [event(coopId)], NO_STREAM);

        await expect(again).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(again).rejects.toMatchObject({ expected: NO_STREAM, actual: 1 });
      });

      it('refuses STREAM_EXISTS on a missing stream, and accepts it once the stream exists', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();

        const missing = store.appendToStream(streamId, [event(coopId)], STREAM_EXISTS);
        await expect(missing).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(missing).rejects.toMatchObject({ expected: STREAM_EXISTS, actual: 0 });

        await store.appendToStream(streamId, [event(coopId)], NO_STREAM);
        const result = await store.appendToStream(streamId, [event(coopId)], STREAM_EXISTS);
        expect(result.nextExpectedVersion).toBe(2);
      });

      it('appends with ANY whatever the stream holds, including concurrent appends', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const appended = events(coopId, 6);

        const results = await Promise.all(
          appended.map((e) => store.appendToStream(streamId, [e], ANY)),
        );

        expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual([
          1, 2, 3, 4, 5, 6,
        ]);
        const read = await readStream(streamId);
        expect(new Set(ids(read))).toEqual(new Set(ids(appended)));
      });

      it('appends a batch atomically: a refused batch records none of its events', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        await store.appendToStream(streamId, events(coopId, 2), NO_STREAM);
        const batch = events(coopId, 3);

        await expect(store.appendToStream(streamId, batch, 1)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );

        expect(await store.streamVersion(streamId)).toBe(2);
        const read = await readAll(START, { filter: { coopId } });
        expect(read).toHaveLength(2);
        expect(ids(read)).not.toEqual(expect.arrayContaining([batch[0].eventId]));
      });
    });

    describe('idempotency by event id', () => {
      it('records a retried append once and answers appended: false with the first result', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        await store.appendToStream(streamId, [event(coopId)], NO_STREAM);
        const batch = events(coopId, 2);

        const first = await store.appendToStream(streamId, batch, 1);
        const retry = await store.appendToStream(streamId, batch, 1);
        const retryWithAny = await store.appendToStream(streamId, batch, ANY);

        expect(first).toMatchObject({ appended: true, nextExpectedVersion: 3 });
        expect(retry).toEqual({ ...first, appended: false });
        expect(retryWithAny).toEqual({ ...first, appended: false });
        expect(ids(await readStream(streamId)).slice(1)).toEqual(ids(batch));
      });

      it('refuses the same event ids in another batch of the stream, recording nothing', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const batch = events(coopId, 2);
        await store.appendToStream(streamId, batch, NO_STREAM);
        const fresh = event(coopId);

        const partly = store.appendToStream(streamId, [batch[1], fresh], ANY);
        const reordered = store.appendToStream(streamId, [batch[1], batch[0]], ANY);

        await expect(partly).rejects.toBeInstanceOf(EventIdConflictError);
        await expect(reordered).rejects.toBeInstanceOf(EventIdConflictError);
        expect(ids(await readStream(streamId))).toEqual(ids(batch));
      });

      (acrossStreams ? it : it.skip)('refuses the same event ids in another stream', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const otherStream = stream();
        const batch = events(coopId, 2);
        await store.appendToStream(streamId, batch, NO_STREAM);

        await expect(store.appendToStream(otherStream, batch, NO_STREAM)).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        expect(await store.streamVersion(otherStream)).toBe(0);
      });
    });

    describe('reading all streams', () => {
      it('reads one coop in append order, whatever else the store holds', async () => {
        const a = newCoop();
        const b = newCoop();
        const first = a.stream();
        const second = a.stream('resource');
        await store.appendToStream(first, [event(a.coopId, 'ContractA1')], NO_STREAM);
        await store.appendToStream(b.stream(), [event(b.coopId)], NO_STREAM);
        await store.appendToStream(second, [event(a.coopId, 'ContractA2')], NO_STREAM);
        await store.appendToStream(first, [event(a.coopId, 'ContractA3')], 1);

        const read = await readAll(START, { filter: { coopId: a.coopId } });

        expect(read.map((e) => [e.streamId, e.type])).toEqual([
          [first, 'ContractA1'],
          [second, 'ContractA2'],
          [first, 'ContractA3'],
        ]);
        expect(read.every((e) => e.metadata.coopId === a.coopId)).toBe(true);
      });

      it('filters by event types (any of them) and by stream prefix', async () => {
        const { coopId, stream } = newCoop();
        const suffix = randomUUID();
        const [admitted, paid, left] = ['Admitted', 'Paid', 'Left'].map(
          (t) => `Contract${t}-${suffix}`,
        );
        const member = stream('member');
        const resource = stream('resource');
        await store.appendToStream(
          member,
          [event(coopId, admitted), event(coopId, paid)],
          NO_STREAM,
        );
        await store.appendToStream(resource, [event(coopId, paid), event(coopId, left)], NO_STREAM);

        const byTypes = await readAll(START, { filter: { eventTypes: [admitted, left] } });
        const byPrefix = await readAll(START, {
          filter: { streamPrefix: `coop/${coopId}/resource/` },
        });
        const combined = await readAll(START, { filter: { coopId, eventTypes: [paid] } });

        expect(byTypes.map((e) => e.type)).toEqual([admitted, left]);
        expect(byPrefix.map((e) => [e.streamId, e.type])).toEqual([
          [resource, paid],
          [resource, left],
        ]);
        expect(combined.map((e) => e.streamId)).toEqual([member, resource]);
      });

      it('pages through more events than a page holds, and stops at maxCount', async () => {
        const { coopId, stream } = newCoop();
        const appended = events(coopId, 7);
        await store.appendToStream(stream(), appended.slice(0, 3), NO_STREAM);
        await store.appendToStream(stream(), appended.slice(3), NO_STREAM);

        const paged = await readAll(START, { filter: { coopId }, pageSize: 2 });
        const limited = await readAll(START, { filter: { coopId }, pageSize: 2, maxCount: 5 });

        expect(ids(paged)).toEqual(ids(appended));
        expect(ids(limited)).toEqual(ids(appended.slice(0, 5)));
      });

      it('resumes from a checkpoint with exactly the events after it', async () => {
        const { coopId, stream } = newCoop();
        const appended = events(coopId, 5);
        const streamId = stream();
        await store.appendToStream(streamId, appended.slice(0, 2), NO_STREAM);
        await store.appendToStream(stream(), appended.slice(2, 4), NO_STREAM);
        await store.appendToStream(streamId, appended.slice(4), 2);
        const all = await readAll(START, { filter: { coopId } });

        const afterSecond = await readAll(all[1].checkpoint, { filter: { coopId } });
        const afterLast = await readAll(all[4].checkpoint, { filter: { coopId } });

        expect(ids(afterSecond)).toEqual(ids(appended.slice(2)));
        expect(afterLast).toEqual([]);
      });

      it('reports a head position at or beyond the last appended event', async () => {
        const { coopId, stream } = newCoop();
        const { globalPositions } = await store.appendToStream(
          stream(),
          [event(coopId)],
          NO_STREAM,
        );
        expect(await store.headPosition()).toBeGreaterThanOrEqual(globalPositions[0]);
      });
    });

    describe('subscribing to all streams', () => {
      it('catches up, then delivers new events live', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const before = events(coopId, 3);
        const after = events(coopId, 2);
        await store.appendToStream(streamId, before, NO_STREAM);

        const { subscription, untilReceived } = subscribe(START, {
          filter: { coopId },
          batchSize: 2,
        });
        try {
          await subscription.caughtUp;
          expect(ids(await untilReceived(3))).toEqual(ids(before));
          await store.appendToStream(streamId, after, 3);
          expect(ids(await untilReceived(5))).toEqual(ids([...before, ...after]));
        } finally {
          await subscription.stop();
        }
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('resumes after a restart from the last checkpoint it handled, with no event twice', async () => {
        const { coopId, stream } = newCoop();
        const streamId = stream();
        const first = events(coopId, 3);
        const later = events(coopId, 3);
        await store.appendToStream(streamId, first, NO_STREAM);

        const before = subscribe(START, { filter: { coopId } });
        await before.untilReceived(3);
        await before.subscription.stop();
        const lastHandled = before.received[before.received.length - 1].checkpoint;
        await store.appendToStream(streamId, later.slice(0, 2), 3);
        await store.appendToStream(stream(), later.slice(2), NO_STREAM);

        const after = subscribe(lastHandled, { filter: { coopId } });
        try {
          await after.subscription.caughtUp;
          expect(ids(await after.untilReceived(3))).toEqual(ids(later));
        } finally {
          await after.subscription.stop();
        }
        expect(ids(before.received)).toEqual(ids(first));
        expect(ids(after.received)).toEqual(ids(later));
      });

      it('ends with the error a handler throws', async () => {
        const { coopId, stream } = newCoop();
        await store.appendToStream(stream(), [event(coopId)], NO_STREAM);

        const subscription = store.subscribeToAll(
          START,
          async () => {
            throw new Error('projection failed');
          },
          { filter: { coopId } },
        );

        await expect(subscription.done).rejects.toThrow('projection failed');
      });
    });

    it('upcasts old schema versions on every read path', async () => {
      const { coopId, stream } = newCoop();
      const streamId = stream();
      const old = event(coopId, RENAMED_TYPE, { name: 'Ada Lovelace' });
      await store.appendToStream(streamId, [old], NO_STREAM);
      const upcast = { eventId: old.eventId, schemaVersion: 2, data: { fullName: 'Ada Lovelace' } };

      const fromStream = await readStream(streamId);
      const fromAll = await readAll(START, { filter: { coopId } });
      const { subscription, untilReceived } = subscribe(START, { filter: { coopId } });
      const fromSubscription = await untilReceived(1).finally(() => subscription.stop());

      expect(fromStream).toMatchObject([upcast]);
      expect(fromAll).toMatchObject([upcast]);
      expect(fromSubscription).toMatchObject([upcast]);
    });
  });
}
