import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream, DomainEvent, SchemaVersions } from '@libs/contracts';
import { EventStore, RecordedEvent } from '@libs/event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { AggregateRepository, CommandContext } from './aggregate-repository';
import { ConcurrencyConflict, PreconditionFailed } from './concurrency-errors';
import { Decider } from './decider';
import { RuleViolation } from './domain-errors';

// A tiny aggregate to drive the repository: a counter that a rule keeps at or below 10.
type CounterEvent = DomainEvent<'Incremented', { by: number }>;
interface Increment {
  by: number;
}
const counter: Decider<number, Increment, CounterEvent> = {
  initialState: () => 0,
  evolve: (count, event) => count + event.data.by,
  decide: (command, count) => {
    if (count + command.by > 10) {
      throw new RuleViolation('counter_at_most_10', `${count} + ${command.by} is more than 10`);
    }
    return command.by === 0 ? [] : [{ type: 'Incremented', data: { by: command.by } }];
  },
};
const schemaVersions: SchemaVersions<CounterEvent> = { Incremented: 2 };

const DATABASE_URL = process.env.DATABASE_URL!;
const schema = `agg_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** The real store, with another writer getting in between each read and the append that follows. */
function withCompetingWriter(
  store: EventStore,
  competingWrite: () => Promise<unknown>,
  times: number,
): EventStore {
  let remaining = times;
  const racing = Object.create(store) as EventStore;
  racing.readStream = async function* (streamId, fromVersion, options) {
    yield* store.readStream(streamId, fromVersion, options);
    if (remaining-- > 0) await competingWrite();
  };
  return racing;
}

describe('AggregateRepository on the PostgreSQL event store', () => {
  let store: PostgresEventStore;
  let repository: AggregateRepository;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    await store.init();
    repository = new AggregateRepository(store);
  });

  afterAll(async () => {
    await store.close();
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const newStream = (): string => coopStream('velo-solidaire', 'counter', randomUUID());
  const context = (
    extra: Partial<CommandContext<CounterEvent>> = {},
  ): CommandContext<CounterEvent> => ({
    coopId: 'velo-solidaire',
    actor: 'admin-1',
    correlationId: randomUUID(),
    schemaVersions,
    ...extra,
  });
  const increment = (streamId: string, by: number, repo = repository) =>
    repo.handle(streamId, counter, { by }, context());

  async function recorded(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  }

  async function count(streamId: string): Promise<number> {
    return (await repository.load(streamId, counter)).state;
  }

  it('decides on the state folded from the stream and appends the new events with their envelope', async () => {
    const streamId = newStream();
    const ctx = context({ causationId: randomUUID() });

    const first = await repository.handle(streamId, counter, { by: 3 }, ctx);
    const second = await increment(streamId, 4);

    expect(first.version).toBe(1);
    expect(second.version).toBe(2);
    expect(await count(streamId)).toBe(7);
    // The state after the command comes with it: a caller answers without reading the stream again.
    expect([first.state, second.state]).toEqual([3, 7]);
    const [event] = await recorded(streamId);
    expect(event).toMatchObject({
      eventId: first.events[0].eventId,
      type: 'Incremented',
      schemaVersion: 2,
      data: { by: 3 },
      streamId,
      streamVersion: 1,
      metadata: {
        coopId: 'velo-solidaire',
        actor: 'admin-1',
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
      },
    });
  });

  it('lets two concurrent commands on one stream both succeed', async () => {
    const streamId = newStream();

    const results = await Promise.all([increment(streamId, 2), increment(streamId, 5)]);

    expect(results.map((r) => r.version).sort()).toEqual([1, 2]);
    expect(await count(streamId)).toBe(7);
  });

  it('decides again on the new state when another writer moved the stream after the read', async () => {
    const streamId = newStream();
    await increment(streamId, 1);
    const racing = new AggregateRepository(
      withCompetingWriter(store, () => increment(streamId, 2), 1),
    );

    const result = await increment(streamId, 3, racing);

    expect(result.version).toBe(3);
    expect(result.events[0].streamVersion).toBe(3);
    expect(await count(streamId)).toBe(6);
    // Folded on the state it decided on the second time, the competing writer's event included.
    expect(result.state).toBe(6);
  });

  it('refuses on the retry when the new state breaks a rule, appending nothing', async () => {
    const streamId = newStream();
    await increment(streamId, 8);
    const racing = new AggregateRepository(
      withCompetingWriter(store, () => increment(streamId, 2), 1),
    );

    await expect(increment(streamId, 1, racing)).rejects.toThrow(RuleViolation);
    expect(await count(streamId)).toBe(10);
  });

  it('gives up with a 409 conflict after the configured number of attempts', async () => {
    const streamId = newStream();
    const racing = new AggregateRepository(
      withCompetingWriter(store, () => increment(streamId, 1), Infinity),
      { maxAttempts: 3 },
    );

    const attempt = increment(streamId, 5, racing);

    await expect(attempt).rejects.toThrow(ConcurrencyConflict);
    // Only the competitor's three events: the command never got in.
    expect((await recorded(streamId)).map((e) => e.data)).toEqual([
      { by: 1 },
      { by: 1 },
      { by: 1 },
    ]);
  });

  it('refuses a command whose If-Match version is stale with PreconditionFailed', async () => {
    const streamId = newStream();
    await increment(streamId, 1);
    await increment(streamId, 1);

    const stale = repository.handle(streamId, counter, { by: 1 }, context({ expectedVersion: 1 }));

    await expect(stale).rejects.toThrow(PreconditionFailed);
    expect(await recorded(streamId)).toHaveLength(2);
    const current = await repository.handle(
      streamId,
      counter,
      { by: 1 },
      context({ expectedVersion: 2 }),
    );
    expect(current.version).toBe(3);
  });

  it('does not retry an If-Match command that loses a race: it answers PreconditionFailed', async () => {
    const streamId = newStream();
    await increment(streamId, 1);
    const racing = new AggregateRepository(
      withCompetingWriter(store, () => increment(streamId, 1), 1),
    );

    const attempt = racing.handle(streamId, counter, { by: 1 }, context({ expectedVersion: 1 }));

    await expect(attempt).rejects.toThrow(PreconditionFailed);
    expect(await count(streamId)).toBe(2);
  });

  it('refuses a command a rule forbids: nothing appended', async () => {
    const streamId = newStream();
    await increment(streamId, 9);

    await expect(increment(streamId, 2)).rejects.toMatchObject({ rule: 'counter_at_most_10' });

    expect(await recorded(streamId)).toHaveLength(1);
  });

  it('records nothing for a command that decides no events', async () => {
    const streamId = newStream();
    await increment(streamId, 4);

    const result = await increment(streamId, 0);

    expect(result).toEqual({ events: [], version: 1, state: 4 });
    expect(await recorded(streamId)).toHaveLength(1);
  });

  it('creates without reading the stream, and decides on the real state when it existed after all', async () => {
    const streamId = newStream();
    const created = await repository.handle(
      streamId,
      counter,
      { by: 4 },
      context({ creates: true }),
    );
    expect(created.version).toBe(1);

    // The stream exists: the blind create fails on NO_STREAM, then the rule sees 4 + 7 > 10.
    const again = repository.handle(streamId, counter, { by: 7 }, context({ creates: true }));
    await expect(again).rejects.toMatchObject({ rule: 'counter_at_most_10' });
    const fine = await repository.handle(streamId, counter, { by: 2 }, context({ creates: true }));
    expect(fine.version).toBe(2);
    expect((await recorded(streamId)).map((e) => (e.data as { by: number }).by)).toEqual([4, 2]);
  });
});
