import { randomUUID } from 'node:crypto';
import { RecordedEvent, START } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version';
import { newEvent } from '../testing/new-event';
import { Upcasters } from '../upcaster';
import { EventStoreDBEventStore } from './eventstoredb-event-store';
import { InMemoryEventStoreDB } from './testing/in-memory-eventstoredb';

/*
 * The adapter's own mechanics against a stand-in for the server (see InMemoryEventStoreDB for
 * what it models and why it proves nothing about the real server: the contract suite in
 * eventstoredb-event-store.int.spec.ts does, given EVENTSTORE_URL).
 */

const COOP = 'velo-solidaire';
const stream = (id = randomUUID()) => `coop/${COOP}/member/${id}`;

const event = (type = 'MemberAdmitted', coopId: string | null = COOP, data: unknown = {}) =>
  newEvent(coopId, type, data);
const events = (count: number) => Array.from({ length: count }, (_, i) => event('T', COOP, { i }));
const ids = (list: { eventId: string }[]) => list.map((e) => e.eventId);

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const e of iterable) all.push(e);
  return all;
}

describe('EventStoreDBEventStore (on an in-memory stand-in for the server)', () => {
  let server: InMemoryEventStoreDB;
  let store: EventStoreDBEventStore;

  beforeEach(() => {
    server = new InMemoryEventStoreDB();
    server.writeSystemEvent();
    store = new EventStoreDBEventStore({ client: server.client });
  });

  afterEach(() => store.close());

  describe('appending', () => {
    it('answers the versions and the $all positions of every appended event', async () => {
      const streamId = stream();
      const result = await store.appendToStream(streamId, events(3), NO_STREAM);

      const read = await collect(store.readStream(streamId));
      expect(result).toEqual({
        nextExpectedVersion: 3,
        appended: true,
        globalPositions: read.map((e) => e.globalPosition),
      });
      expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    });

    it('answers a retry of an earlier append, not the latest, from the server: appended false', async () => {
      const streamId = stream();
      const first = events(2);
      const firstResult = await store.appendToStream(streamId, first, NO_STREAM);
      await store.appendToStream(streamId, events(1), 2);

      const retry = await store.appendToStream(streamId, first, NO_STREAM);

      expect(retry).toEqual({ ...firstResult, appended: false });
      expect(await store.streamVersion(streamId)).toBe(3);
    });

    it('records an ANY retry once even when the server has forgotten its ids', async () => {
      const streamId = stream();
      const batch = events(2);
      const first = await store.appendToStream(streamId, batch, ANY);
      server.forgetRecentIds();

      const retry = await store.appendToStream(streamId, batch, ANY);

      expect(retry).toEqual({ ...first, appended: false });
      expect(await store.streamVersion(streamId)).toBe(2);
    });

    it("maps the server's refusal to the port's, with the stream's version", async () => {
      const streamId = stream();
      await store.appendToStream(streamId, events(2), NO_STREAM);

      await expect(store.appendToStream(streamId, events(1), 1)).rejects.toEqual(
        new WrongExpectedVersionError(streamId, 1, 2),
      );
      await expect(store.appendToStream(streamId, events(1), NO_STREAM)).rejects.toEqual(
        new WrongExpectedVersionError(streamId, NO_STREAM, 2),
      );
      await expect(store.appendToStream(stream(), events(1), STREAM_EXISTS)).rejects.toMatchObject({
        expected: STREAM_EXISTS,
        actual: 0,
      });
    });

    it('tells reused ids from a stale version although the server says "wrong version" for both', async () => {
      const streamId = stream();
      const batch = events(2);
      await store.appendToStream(streamId, batch, NO_STREAM);

      await expect(store.appendToStream(streamId, [batch[1], event()], ANY)).rejects.toEqual(
        new EventIdConflictError(streamId, [batch[1].eventId]),
      );
      await expect(store.appendToStream(streamId, [batch[0]], 1)).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      expect(await store.streamVersion(streamId)).toBe(2);
    });

    it('refuses recorded ids in another order, which the server took for a retry', async () => {
      const streamId = stream();
      const batch = events(3);
      await store.appendToStream(streamId, batch, NO_STREAM);

      const reordered = store.appendToStream(streamId, [batch[2], batch[0]], ANY);

      await expect(reordered).rejects.toBeInstanceOf(EventIdConflictError);
      expect(ids(await collect(store.readStream(streamId)))).toEqual(ids(batch));
    });

    it('refuses the same id twice in one append without asking the server', async () => {
      const once = event();
      const append = store.appendToStream(stream(), [once, { ...once }], ANY);

      await expect(append).rejects.toBeInstanceOf(EventIdConflictError);
      expect(server.appendCalls).toEqual([]);
    });

    it('checks the expected version of an empty append and records nothing', async () => {
      const streamId = stream();
      await store.appendToStream(streamId, events(2), NO_STREAM);

      expect(await store.appendToStream(streamId, [], 2)).toEqual({
        nextExpectedVersion: 2,
        appended: false,
        globalPositions: [],
      });
      await expect(store.appendToStream(streamId, [], 1)).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });
  });

  describe('reading', () => {
    it('reads a stream from a version, page by page', async () => {
      const streamId = stream();
      const appended = events(5);
      await store.appendToStream(streamId, appended, NO_STREAM);

      expect(ids(await collect(store.readStream(streamId, 2, { pageSize: 2 })))).toEqual(
        ids(appended.slice(1)),
      );
      expect(await collect(store.readStream(stream()))).toEqual([]);
    });

    it("reads $all without the server's own events, resuming strictly after a checkpoint", async () => {
      const appended = events(4);
      await store.appendToStream(stream(), appended.slice(0, 2), NO_STREAM);
      server.writeSystemEvent();
      await store.appendToStream(stream(), appended.slice(2), NO_STREAM);
      server.writeSystemEvent();

      const all = await collect(store.readAll(START));
      const afterFirst = await collect(store.readAll(all[0].checkpoint, { pageSize: 1 }));

      expect(ids(all)).toEqual(ids(appended));
      expect(ids(afterFirst)).toEqual(ids(appended.slice(1)));
    });

    it('pages past stretches of unwanted events and stops at maxCount', async () => {
      const wanted = [event('Wanted'), event('Wanted'), event('Wanted')];
      await store.appendToStream(stream(), [wanted[0], ...events(4)], NO_STREAM);
      await store.appendToStream(stream(), [...events(3), wanted[1], wanted[2]], NO_STREAM);
      const filter = { eventTypes: ['Wanted'] };

      expect(ids(await collect(store.readAll(START, { filter, pageSize: 2 })))).toEqual(
        ids(wanted),
      );
      expect(
        ids(await collect(store.readAll(START, { filter, pageSize: 2, maxCount: 2 }))),
      ).toEqual(ids(wanted.slice(0, 2)));
    });

    it("reads a coop's events, including the consortium's events about it", async () => {
      const own = event('MemberAdmitted');
      const aboutIt = event('CoopAdmitted');
      await store.appendToStream(stream(), [own], NO_STREAM);
      await store.appendToStream('coop/other-coop/member/1', [event('T', 'other-coop')], NO_STREAM);
      await store.appendToStream('consortium/admission/1', [aboutIt, event('T', null)], NO_STREAM);

      const read = await collect(store.readAll(START, { filter: { coopId: COOP } }));

      expect(ids(read)).toEqual(ids([own, aboutIt]));
    });

    it('reads past events written by other tools when filtered, and names them otherwise', async () => {
      const ours = event();
      await store.appendToStream(stream(), [ours], NO_STREAM);
      await server.appendToStream('imported/1', [
        {
          id: randomUUID(),
          contentType: 'application/json',
          type: 'Foreign',
          data: {},
          metadata: undefined,
        },
      ]);

      const filtered = await collect(store.readAll(START, { filter: { coopId: COOP } }));

      expect(ids(filtered)).toEqual([ours.eventId]);
      await expect(collect(store.readAll(START))).rejects.toThrow(
        /in imported\/1 has no JSON metadata/,
      );
    });

    it('puts the head at the last event of ours, past trailing server events', async () => {
      expect(await store.headPosition()).toBe(0);
      const { globalPositions } = await store.appendToStream(stream(), events(2), NO_STREAM);
      server.writeSystemEvent();
      server.writeSystemEvent();

      expect(await store.headPosition()).toBe(globalPositions[1]);
    });

    it('upcasts on every read path', async () => {
      const upcasting = new EventStoreDBEventStore({
        client: server.client,
        upcasters: new Upcasters([{ type: 'Old', fromVersion: 1, upcast: () => ({ v: 2 }) }]),
      });
      const streamId = stream();
      await upcasting.appendToStream(streamId, [event('Old')], NO_STREAM);
      const received: RecordedEvent[] = [];
      const subscription = upcasting.subscribeToAll(START, async (b) => void received.push(...b));
      await subscription.caughtUp;
      await upcasting.close();

      const read = [
        ...(await collect(upcasting.readStream(streamId))),
        ...(await collect(upcasting.readAll(START))),
        ...received,
      ];
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual(Array(3).fill([2, { v: 2 }]));
    });
  });

  describe('subscribing', () => {
    it('catches up, then follows live through a server-side filtered subscription', async () => {
      const before = event('Wanted');
      const later = event('Wanted');
      await store.appendToStream(stream(), [before, event('Other')], NO_STREAM);
      const received: RecordedEvent[] = [];

      const subscription = store.subscribeToAll(START, async (b) => void received.push(...b), {
        filter: { eventTypes: ['Wanted'] },
      });
      await subscription.caughtUp;
      const caughtUpWith = ids(received);
      await store.appendToStream(stream(), [event('Other'), later], NO_STREAM);
      while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      await subscription.stop();

      expect(caughtUpWith).toEqual([before.eventId]);
      expect(ids(received)).toEqual(ids([before, later]));
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('stops its subscriptions on close, and leaves a client it was given open', async () => {
      const subscription = store.subscribeToAll(START, async () => undefined);
      await subscription.caughtUp;

      await store.close();

      await expect(subscription.done).resolves.toBeUndefined();
      expect(server.disposed).toBe(false);
    });

    it('refuses a checkpoint that is not one of its own', () => {
      expect(() => store.subscribeToAll('12', async () => undefined)).toThrow(
        'not an EventStoreDB checkpoint',
      );
    });
  });
});
