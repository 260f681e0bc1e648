import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream } from '@libs/contracts';
import { RecordedEvent, START } from '../envelope';
import { ANY } from '../expected-version';
import { Subscription } from '../event-store.port';
import { newEvent } from '../testing/new-event';
import { openOlderTransaction } from '../testing/older-transaction';
import { PostgresEventStore, SubscriptionWake } from './postgres-event-store';

const DATABASE_URL = process.env.DATABASE_URL!;
const EMBEDDED = process.env.EMBEDDED_DATABASE === '1';
/** Long enough that no poll happens during a test: whatever arrives was woken by the database. */
const NEVER_MS = 10 * 60_000;
const PROMPTLY_MS = 1_000;

async function sql(text: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A subscriber on its own store (its own pool and listener), as another app would be. */
class Subscriber {
  readonly received: RecordedEvent[] = [];
  private arrived: (() => void) | undefined;
  private subscription: Subscription | undefined;
  readonly store: PostgresEventStore;

  constructor(schema: string, wake: SubscriptionWake) {
    this.store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, wake });
  }

  async start(coopId: string): Promise<void> {
    this.subscription = this.store.subscribeToAll(
      START,
      async (events) => {
        this.received.push(...events);
        this.arrived?.();
      },
      { filter: { coopId }, pollIntervalMs: NEVER_MS },
    );
    await this.subscription.caughtUp;
  }

  /** Resolves with the time it took `count` events in all to arrive, or rejects after `withinMs`. */
  async until(count: number, withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`${this.received.length} of ${count} events within ${withinMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.arrived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.store.close();
  }
}

describe('a caught-up subscription, woken by the database (no polling)', () => {
  const schema = `es_wake_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  let writer: PostgresEventStore;
  const subscribers: Subscriber[] = [];

  async function subscriber(coopId: string, wake: SubscriptionWake = 'notify') {
    const s = new Subscriber(schema, wake);
    subscribers.push(s);
    await s.start(coopId);
    return s;
  }

  beforeAll(async () => {
    writer = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
    await writer.init();
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.stop()));
    await writer.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  it('receives each event another process appends within moments, once and in order', async () => {
    const coopId = randomUUID();
    const live = await subscriber(coopId);
    const delays: number[] = [];
    const appended: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const e = newEvent(coopId);
      appended.push(e.eventId);
      const started = performance.now();
      await writer.appendToStream(coopStream(coopId, 'member', randomUUID()), [e], ANY);
      await live.until(i, PROMPTLY_MS);
      delays.push(performance.now() - started);
    }
    expect(live.received.map((e) => e.eventId)).toEqual(appended);
    delays.sort((a, b) => a - b);
    // Woken by the commit, the median delivery is a few milliseconds (a poll would take minutes).
    expect(delays[10]).toBeLessThan(200);
  });

  it('with polling forced instead, waits for the poll: the wake-up above is the database', async () => {
    const coopId = randomUUID();
    const polling = await subscriber(coopId, 'poll');
    await writer.appendToStream(
      coopStream(coopId, 'member', randomUUID()),
      [newEvent(coopId)],
      ANY,
    );
    await expect(polling.until(1, 500)).rejects.toThrow('0 of 1 events');
  });

  (EMBEDDED ? it.skip : it)(
    'listens again after losing its connection, and reads what was appended meanwhile',
    async () => {
      const coopId = randomUUID();
      const live = await subscriber(coopId);
      await sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE query = 'LISTEN "${schema}_appended"' AND pid <> pg_backend_pid()`,
      );
      await writer.appendToStream(
        coopStream(coopId, 'member', randomUUID()),
        [newEvent(coopId)],
        ANY,
      );
      await live.until(1, 5_000);
      await writer.appendToStream(
        coopStream(coopId, 'member', randomUUID()),
        [newEvent(coopId)],
        ANY,
      );
      await live.until(2, PROMPTLY_MS);
    },
  );

  // Real server only: the embedded database never has two transactions open at once.
  (EMBEDDED ? it.skip : it)(
    'reads an event held back by an older transaction once that one ends, though it notifies nothing',
    async () => {
      const coopId = randomUUID();
      const live = await subscriber(coopId);
      const older = await openOlderTransaction();
      try {
        await writer.appendToStream(
          coopStream(coopId, 'member', randomUUID()),
          [newEvent(coopId)],
          ANY,
        );
        await expect(live.until(1, 300)).rejects.toThrow('0 of 1 events');
        await older.end();
        await live.until(1, PROMPTLY_MS);
      } finally {
        await older.end();
      }
    },
  );

  // Real server only: the embedded database is one database.
  (EMBEDDED ? it.skip : it)(
    'is not held back by a transaction running in another database of the server',
    async () => {
      const coopId = randomUUID();
      const live = await subscriber(coopId);
      const url = new URL(DATABASE_URL);
      url.pathname = '/postgres';
      const other = await openOlderTransaction(url.toString()); // older than the append, elsewhere
      try {
        await writer.appendToStream(
          coopStream(coopId, 'member', randomUUID()),
          [newEvent(coopId)],
          ANY,
        );
        // Held back, it would wait for the ROLLBACK below, forever. A transaction of another test
        // file in this same database (they run in parallel) may hold it a moment: allow for that.
        await live.until(1, 10_000);
      } finally {
        await other.end();
      }
    },
  );
});
