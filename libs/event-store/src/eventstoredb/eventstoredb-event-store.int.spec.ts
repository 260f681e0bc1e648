import { EventStoreDBClient, FORWARDS, NO_STREAM as ESDB_NO_STREAM } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent, START } from '../envelope';
import { NO_STREAM } from '../expected-version';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDBEventStore } from './eventstoredb-event-store';
import { decodeCheckpoint } from './esdb-checkpoint';
import { toEventData } from './esdb-envelope';

/*
 * Needs a running EventStoreDB (22.6 or later), e.g.
 *   docker run --rm -p 2113:2113 -e EVENTSTORE_INSECURE=true eventstore/eventstore:24.10
 *   EVENTSTORE_URL='esdb://localhost:2113?tls=false' npx jest libs/event-store/src/eventstoredb
 * Every test uses fresh coop ids and stream names: the server keeps what earlier runs wrote.
 */
const url = process.env.EVENTSTORE_URL;

if (!url) {
  it.skip('set EVENTSTORE_URL to run the contract suite against EventStoreDB', () => undefined);
} else {
  describeEventStoreContract(
    'EventStoreDB',
    async ({ upcasters }) => {
      const store = new EventStoreDBEventStore({ connectionString: url, upcasters });
      await store.init();
      return { store, dispose: () => store.close() };
    },
    { eventIdsUniqueAcrossStreams: false },
  );

  /** What the adapter assumes of the server, checked where only a real server can tell. */
  describe('EventStoreDB behaviour the adapter relies on', () => {
    let client: EventStoreDBClient;
    let store: EventStoreDBEventStore;

    beforeAll(() => {
      client = EventStoreDBClient.connectionString(url);
      store = new EventStoreDBEventStore({ client });
    });

    afterAll(async () => {
      await store.close();
      await client.dispose();
    });

    const coopId = randomUUID();
    const stream = () => `coop/${coopId}/member/${randomUUID()}`;
    const event = (): NewEvent => ({
      eventId: randomUUID(),
      type: 'EsdbAssumption',
      schemaVersion: 1,
      data: { at: Date.now() },
      metadata: { coopId, actor: 'test', correlationId: randomUUID(), causationId: randomUUID() },
    });
    async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
      const all: RecordedEvent[] = [];
      for await (const e of iterable) all.push(e);
      return all;
    }

    it('gives each event of one append its own commit position, the same in $all and in its stream', async () => {
      const streamId = stream();
      const { globalPositions } = await store.appendToStream(
        streamId,
        [event(), event(), event()],
        NO_STREAM,
      );
      const fromStream = await collect(store.readStream(streamId));
      const fromAll = await collect(store.readAll(START, { filter: { streamPrefix: streamId } }));

      expect(new Set(globalPositions).size).toBe(3);
      expect(fromStream.map((e) => e.checkpoint)).toEqual(fromAll.map((e) => e.checkpoint));
      expect(fromAll.map((e) => e.globalPosition)).toEqual(globalPositions);
    });

    it('reads $all forwards from an event inclusively, and subscribes after it exclusively', async () => {
      const streamId = stream();
      const { globalPositions } = await store.appendToStream(
        streamId,
        [event(), event()],
        NO_STREAM,
      );
      const [first] = await collect(store.readStream(streamId));
      const position = decodeCheckpoint(first.checkpoint);
      if (position === 'start') throw new Error('an event has a position');

      const read = [];
      for await (const r of client.readAll({
        direction: FORWARDS,
        fromPosition: position,
        maxCount: 1,
      })) {
        read.push(r.event?.position?.commit);
      }
      const subscription = client.subscribeToAll({ fromPosition: position });
      let delivered: bigint | undefined;
      for await (const r of subscription) {
        if (r.event?.streamId === streamId) {
          delivered = r.event.position.commit;
          break;
        }
      }
      await subscription.unsubscribe();

      expect(read).toEqual([BigInt(globalPositions[0])]);
      expect(delivered).toBe(BigInt(globalPositions[1]));
    });

    it('answers the retry of an earlier append as a retry, recording nothing', async () => {
      const streamId = stream();
      const first = [event(), event()];
      // Written with the adapter's envelope: other suites read this shared server's whole $all.
      const now = new Date();
      const asStored = (list: NewEvent[]) => list.map((e) => toEventData(e, now));
      await client.appendToStream(streamId, asStored(first), { expectedRevision: ESDB_NO_STREAM });
      await client.appendToStream(streamId, asStored([event()]));

      const retry = await client.appendToStream(streamId, asStored(first), {
        expectedRevision: ESDB_NO_STREAM,
      });

      expect(retry.nextExpectedRevision).toBe(1n);
      expect(await store.streamVersion(streamId)).toBe(3);
    });
  });
}
