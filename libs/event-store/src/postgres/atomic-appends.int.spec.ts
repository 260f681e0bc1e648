import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream } from '@libs/contracts';
import { NewEvent, START } from '../envelope';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import { NO_STREAM } from '../expected-version';
import { newEvent } from '../testing/new-event';
import { scratchPostgresStore } from '../testing/scratch-postgres-store';
import { PostgresEventStore } from './postgres-event-store';

// appendAtomically: appends to several streams recorded together, or not at all.
const DATABASE_URL = process.env.DATABASE_URL!;
const coopId = `coop-${randomUUID().slice(0, 8)}`;
let store: PostgresEventStore;
let schema: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ store, schema, dispose } = await scratchPostgresStore({ prefix: 'es_atomic', poolSize: 2 }));
});

afterAll(() => dispose());

const event = (n: number): NewEvent => newEvent(coopId, 'Noted', { n });
const stream = () => coopStream(coopId, 'note', randomUUID());
/** Every row, committed or not yet visible to global reads (other tests' transactions). */
const count = async () => {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}".events`);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
};

/** The coop's events in global order, once `n` are visible (a transaction open elsewhere on the
 * server holds global reads back for a moment). */
async function globalOrder(n: number) {
  for (const deadline = Date.now() + 10_000; ;) {
    const read = [];
    for await (const e of store.readAll(START, { filter: { coopId } })) read.push(e);
    if (read.length >= n || Date.now() > deadline) return read;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('appending to several streams at once', () => {
  it('given two streams, when both appends succeed, then every event is recorded, in append order', async () => {
    const [a, b] = [stream(), stream()];
    const events = [event(1), event(2), event(3)];
    await store.appendAtomically(async (appends) => {
      await appends.appendToStream(a, [events[0]], NO_STREAM);
      await appends.appendToStream(b, [events[1]], NO_STREAM);
      await appends.appendToStream(a, [events[2]], 1);
    });
    const read = await globalOrder(3);
    expect(read.map((e) => [e.eventId, e.streamId, e.streamVersion])).toEqual([
      [events[0].eventId, a, 1],
      [events[1].eventId, b, 1],
      [events[2].eventId, a, 2],
    ]);
  });

  it('when the unit throws after some appends, then none of them is recorded', async () => {
    const before = await count();
    await expect(
      store.appendAtomically(async (appends) => {
        await appends.appendToStream(stream(), [event(1)], NO_STREAM);
        throw new Error('the bundle changed');
      }),
    ).rejects.toThrow('the bundle changed');
    expect(await count()).toBe(before);
  });

  it('when a later append fails its expected version or reuses an id, then the earlier ones are not recorded', async () => {
    const before = await count();
    const taken = stream();
    const recorded = event(0);
    await store.appendToStream(taken, [recorded], NO_STREAM);
    await expect(
      store.appendAtomically(async (appends) => {
        await appends.appendToStream(stream(), [event(1)], NO_STREAM);
        await appends.appendToStream(taken, [event(2)], NO_STREAM);
      }),
    ).rejects.toThrow(WrongExpectedVersionError);
    await expect(
      store.appendAtomically(async (appends) => {
        await appends.appendToStream(stream(), [event(1)], NO_STREAM);
        await appends.appendToStream(
          stream(),
          [{ ...event(2), eventId: recorded.eventId }],
          NO_STREAM,
        );
      }),
    ).rejects.toThrow(EventIdConflictError);
    expect(await count()).toBe(before + 1);
  });
});
