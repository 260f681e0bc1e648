import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream } from '@libs/contracts';
import { RecordedEvent, START } from '../envelope';
import { NO_STREAM } from '../expected-version';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { newEvent } from '../testing/new-event';
import { scratchPostgresStore } from '../testing/scratch-postgres-store';
import { AppendedRow, appendStatement } from './append-statement';
import { PostgresEventStore } from './postgres-event-store';

const DATABASE_URL = process.env.DATABASE_URL!;
const EMBEDDED = process.env.EMBEDDED_DATABASE === '1';

function randomSchema(): string {
  return `es_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

describeEventStoreContract('PostgreSQL', ({ upcasters }) => scratchPostgresStore({ upcasters }));

describe('PostgresEventStore', () => {
  const schema = randomSchema();
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  async function readAllIds(coopId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const e of store.readAll(START, { filter: { coopId } })) ids.push(e.eventId);
    return ids;
  }

  it('initialises from several processes at once, and again on an existing schema', async () => {
    const fresh = randomSchema();
    const stores = [1, 2, 3].map(
      () => new PostgresEventStore({ connectionString: DATABASE_URL, schema: fresh, poolSize: 1 }),
    );
    try {
      await Promise.all(stores.map((s) => s.init()));
      await stores[0].init();
      const appended = await stores[1].appendToStream(
        'consortium/board/1',
        [newEvent('x')],
        NO_STREAM,
      );
      expect(await stores[2].headPosition()).toBe(appended.globalPositions[0]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(fresh);
    }
  });

  // Needs two transactions open at once: the embedded database is one session, it cannot.
  const onRealServer = EMBEDDED ? it.skip : it;
  onRealServer(
    `holds back an event committed after one that took an earlier position, until that one commits${
      EMBEDDED ? ' [skipped: the embedded database is one session, transactions never overlap]' : ''
    }`,
    async () => {
      const coopId = randomUUID();
      const late = newEvent(coopId);
      const early = newEvent(coopId);
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll(
        START,
        async (batch) => void received.push(...batch),
        {
          filter: { coopId },
          pollIntervalMs: 10,
        },
      );
      const writer = new Client({ connectionString: DATABASE_URL });
      await writer.connect();
      try {
        await writer.query('BEGIN');
        const { rows } = await writer.query<AppendedRow>(
          appendStatement(schema, coopStream(coopId, 'member', 'a'), [late], NO_STREAM),
        );
        const latePosition = Number(rows[0].appended_position);
        const { globalPositions } = await store.appendToStream(
          coopStream(coopId, 'member', 'b'),
          [early],
          NO_STREAM,
        );
        expect(globalPositions[0]).toBeGreaterThan(latePosition);

        await subscription.caughtUp;
        expect(await readAllIds(coopId)).toEqual([]);
        expect(received).toEqual([]);
        expect(await store.readsReach(globalPositions[0])).toBe(false);

        await writer.query('COMMIT');
        // Released now, unless a transaction of another test file on the same server still holds
        // the horizon back for a moment: wait for that (bounded), never for ours.
        const deadline = Date.now() + 10_000;
        while (!(await store.readsReach(globalPositions[0])) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await store.readsReach(globalPositions[0])).toBe(true);
        expect(await readAllIds(coopId)).toEqual([late.eventId, early.eventId]);
        while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(received.map((e) => e.eventId)).toEqual([late.eventId, early.eventId]);
      } finally {
        await writer.query('ROLLBACK').catch(() => undefined);
        await writer.end();
        await subscription.stop();
      }
    },
  );
});
