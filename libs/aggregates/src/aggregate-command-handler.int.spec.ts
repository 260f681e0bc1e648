import { randomUUID } from 'node:crypto';
import { CommandBus, CommandHandler, CqrsModule } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DomainEvent, SchemaVersions } from '@libs/contracts';
import { EVENT_STORE, RecordedEvent } from '@libs/event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { AggregateCommand } from './aggregate-command';
import { handlerOf } from './aggregate-command-handler';
import { AggregateRepository } from './aggregate-repository';
import { COMMAND_SCOPE, CommandScope } from './command-scope';
import { PreconditionFailed } from './concurrency-errors';
import { Decider } from './decider';

type Noted = DomainEvent<'Noted', { text: string }>;
const notebook: Decider<string[], { text: string }, Noted> = {
  initialState: () => [],
  evolve: (notes, event) => [...notes, event.data.text],
  decide: (command) => [{ type: 'Noted', data: { text: command.text } }],
};

class NotebookChange extends AggregateCommand<{ text: string }, string[], Noted> {}

@CommandHandler(NotebookChange)
class NotebookHandler extends handlerOf('notebook', notebook) {}

const DATABASE_URL = process.env.DATABASE_URL!;
const schema = `handler_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** An app's scope: its streams under its own prefix, its events stamped with its coop. */
const scope: CommandScope = {
  streamOf: (aggregate, id) => `coop-velo-solidaire/${aggregate}/${id}`,
  coopIdOf: () => 'velo-solidaire',
  schemaVersions: { Noted: 1 } as SchemaVersions<DomainEvent>,
};

describe('a command sent on the CommandBus', () => {
  let store: PostgresEventStore;
  let module: TestingModule;
  let bus: CommandBus;
  const caller = { actor: 'admin-1', correlationId: randomUUID() };

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
    await store.init();
    module = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: COMMAND_SCOPE, useValue: scope },
        AggregateRepository,
        NotebookHandler,
      ],
    }).compile();
    await module.init();
    bus = module.get(CommandBus);
  });

  afterAll(async () => {
    await module.close();
    await store.close();
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('reaches its aggregate’s handler, which appends to the stream the app’s scope names', async () => {
    const id = randomUUID();
    const first = await bus.execute(new NotebookChange(id, { text: 'a' }, caller));
    const second = await bus.execute(new NotebookChange(id, { text: 'b' }, caller));

    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.state).toEqual(['a', 'b']);
    const recorded: RecordedEvent[] = [];
    for await (const event of store.readStream(`coop-velo-solidaire/notebook/${id}`))
      recorded.push(event);
    expect(recorded.map((event) => [event.data, event.metadata.coopId])).toEqual([
      [{ text: 'a' }, 'velo-solidaire'],
      [{ text: 'b' }, 'velo-solidaire'],
    ]);
    expect(await module.get(NotebookHandler).current(id)).toEqual({
      state: ['a', 'b'],
      version: 2,
    });
  });

  it('refuses a caller whose If-Match version is stale, appending nothing', async () => {
    const id = randomUUID();
    await bus.execute(new NotebookChange(id, { text: 'a' }, caller));
    const stale = bus.execute(
      new NotebookChange(id, { text: 'b' }, { ...caller, expectedVersion: 0 }),
    );
    await expect(stale).rejects.toThrow(PreconditionFailed);
    expect((await module.get(NotebookHandler).current(id)).version).toBe(1);
  });
});
