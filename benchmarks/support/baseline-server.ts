// The baselines of `npm run bench:api`: the same HTTP exchange with as little as possible in
// between. A bare Fastify server (a child process, like the app it is compared with) whose one
// route, `POST /contributions`, records an event-sized row through a pg pool of POOL_SIZE:
// - BASELINE=insert: one plain INSERT (the floor);
// - BASELINE=event-store: what the app's store does for a new aggregate, without Nest: read the
//   stream, then append to it with the expected version.
// No auth, no validation, no projections. Prints `{ url }` as one JSON line once listening.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { NewEvent, NO_STREAM, PostgresEventStore } from '@libs/event-store';
import { RawEventTable } from '../raw-event-table';

type Record = (streamId: string, event: NewEvent) => Promise<void>;

async function recorder(pool: Pool, schema: string, mode: string | undefined): Promise<Record> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  if (mode === 'insert') {
    const table = new RawEventTable(pool, schema);
    await table.create();
    return (streamId, event) => table.insert({ streamId, expectedVersion: 0, events: [event] });
  }
  if (mode === 'event-store') {
    const store = new PostgresEventStore({ pool, schema });
    await store.init();
    return async (streamId, event) => {
      for await (const _ of store.readStream(streamId)) throw new Error(`${streamId} exists`);
      await store.appendToStream(streamId, [event], NO_STREAM);
    };
  }
  throw new Error(`BASELINE is insert or event-store, not ${mode}`);
}

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE),
  });
  const record = await recorder(pool, process.env.BASELINE_SCHEMA!, process.env.BASELINE);

  const app = Fastify();
  app.post('/contributions', async (request, reply) => {
    const contributionId = randomUUID();
    await record(`coop/bench/contribution/${contributionId}`, {
      eventId: randomUUID(),
      type: 'ContributionRecorded',
      schemaVersion: 1,
      data: { contributionId, ...(request.body as object) },
      metadata: {
        coopId: 'bench',
        actor: 'bench-admin',
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
      occurredAt: new Date(),
    });
    return reply.code(201).send({ contributionId });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ url })}\n`);

  const stop = async (): Promise<void> => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
