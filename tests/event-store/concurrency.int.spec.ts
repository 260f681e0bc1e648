import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore, RecordedEvent, START } from '@libs/event-store';
import { scratchPostgresStore } from '@libs/event-store/testing/scratch-postgres-store';
import { spawnTs } from '../support/child-process';

const DATABASE_URL = process.env.DATABASE_URL!;
// The embedded database runs every statement one after the other: a tenth of the load still
// interleaves the writers, without making the run crawl.
const EMBEDDED = process.env.EMBEDDED_DATABASE === '1';
const WRITERS = 8;
const TOTAL_EVENTS = EMBEDDED ? 2_000 : 20_000;
const SHARED_STREAMS = 8;

interface WriterReport {
  writer: number;
  events: number;
  appends: number;
  conflicts: number;
}

/** Runs a writer process to its end and returns the report it printed. */
async function runWriter(child: ChildProcess): Promise<WriterReport> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`writer exited with ${code}\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').pop()!) as WriterReport;
}

async function committedEvents(schema: string): Promise<{ event_id: string }[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<{ event_id: string }>(`SELECT event_id FROM "${schema}".events`))
      .rows;
  } finally {
    await client.end();
  }
}

describe('PostgresEventStore under concurrent writers', () => {
  const coopId = randomUUID();
  let store: PostgresEventStore;
  let schema: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, schema, dispose } = await scratchPostgresStore({
      prefix: 'es_concurrency',
      poolSize: 2,
    }));
  });

  afterAll(() => dispose());

  it(`hands a live subscriber every one of ${TOTAL_EVENTS} events from ${WRITERS} writers exactly once, each stream in version order`, async () => {
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      START,
      async (batch) => void received.push(...batch),
      {
        batchSize: 200,
        pollIntervalMs: 20,
      },
    );

    const reports = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        runWriter(
          spawnTs('tests/event-store/concurrent-writer.process.ts', [], {
            DATABASE_URL,
            SCHEMA: schema,
            COOP_ID: coopId,
            WRITER: String(writer),
            EVENTS: String(TOTAL_EVENTS / WRITERS),
            SHARED_STREAMS: String(SHARED_STREAMS),
          }),
        ),
      ),
    );
    const committed = await committedEvents(schema);
    let ended = false;
    void subscription.done.finally(() => (ended = true));
    // A subscriber that skipped events never gets to the count: give up waiting, and let the
    // assertions below name what it missed.
    const giveUpAt = Date.now() + 30_000;
    while (received.length < committed.length && !ended && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    const afterLast: RecordedEvent[] = [];
    for await (const e of store.readAll(received[received.length - 1].checkpoint))
      afterLast.push(e);

    const receivedIds = received.map((e) => e.eventId);
    const receivedSet = new Set<string>();
    const duplicates = receivedIds.filter((id) => receivedSet.size === receivedSet.add(id).size);
    const missed = committed.map((row) => row.event_id).filter((id) => !receivedSet.has(id));
    const versionsByStream = new Map<string, number[]>();
    for (const e of received) {
      versionsByStream.set(e.streamId, [
        ...(versionsByStream.get(e.streamId) ?? []),
        e.streamVersion,
      ]);
    }
    const outOfOrder = [...versionsByStream].filter(([, versions]) =>
      versions.some((version, i) => version !== i + 1),
    );

    expect(reports.reduce((sum, r) => sum + r.events, 0)).toBe(TOTAL_EVENTS);
    expect(committed).toHaveLength(TOTAL_EVENTS);
    expect(missed).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(received).toHaveLength(TOTAL_EVENTS);
    expect(outOfOrder).toEqual([]);
    expect(afterLast).toEqual([]);
  }, 600_000);
});
