// `npm run bench:store`: what the PostgreSQL event store costs over plain SQL on the same rows.
// Runs against DATABASE_URL when set (a real server), and always against an embedded PGlite
// started in this process. Each target gets a fresh schema, dropped at the end.
//
// The machine may be busy with other work, so the store and its baseline never run minutes apart:
// appends alternate in small chunks (one append at a time for a single writer), reads alternate
// whole passes, each time swapping which side goes first. Both use the same pool.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { describeServer } from './support/server-description';
import { startEmbeddedPostgres } from '@libs/database';
import { PostgresEventStore, START } from '@libs/event-store';
import { BenchAppend, countEvents, Workload, workload, WorkloadShape } from './bench-workload';
import { RawEventTable } from './raw-event-table';

interface Sizes {
  /** Appends of each writer in the 1–3 and 1-event scenarios. */
  appends: number;
  /** Appends of 100 events. */
  batchAppends: number;
  /** Passes over the whole log per read scenario and side. */
  readPasses: number;
}

const SIZES: Record<'server' | 'embedded', Sizes> = {
  server: { appends: 4000, batchAppends: 400, readPasses: 6 },
  embedded: { appends: 1200, batchAppends: 120, readPasses: 6 },
};

const WRITERS = 8;
const BATCH = 100;
const READ_PAGE = 1000;
/** Appends per writer between two switches of side, with several writers. */
const CONCURRENT_CHUNK = 10;

interface Figure {
  scenario: string;
  unit: 'appends/s' | 'events/s';
  store: number;
  raw: number;
}

const oneToThree = (n: number): number => (n % 3) + 1;

async function benchTarget(url: string, sizes: Sizes): Promise<Figure[]> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pool = new Pool({ connectionString: url, max: WRITERS });
  const store = new PostgresEventStore({ pool, schema });
  const raw = new RawEventTable(pool, schema);
  const appendToStore = (a: BenchAppend) =>
    store.appendToStream(a.streamId, a.events, a.expectedVersion);
  const insertRaw = (a: BenchAppend) => raw.insert(a);

  async function compareAppends(
    scenario: string,
    shape: WorkloadShape,
    unit: Figure['unit'],
  ): Promise<Figure> {
    const work = workload(shape);
    const chunk = shape.writers === 1 ? 1 : CONCURRENT_CHUNK;
    const seconds = { store: 0, raw: 0 };
    for (let start = 0, turn = 0; start < shape.appendsPerWriter; start += chunk, turn++) {
      const part = work.map((appends) => appends.slice(start, start + chunk));
      const sides = [
        async () => (seconds.store += await timed(() => runWriters(part, appendToStore))),
        async () => (seconds.raw += await timed(() => runWriters(part, insertRaw))),
      ];
      for (const side of turn % 2 === 0 ? sides : sides.reverse()) await side();
    }
    const operations =
      unit === 'events/s' ? countEvents(work) : shape.writers * shape.appendsPerWriter;
    return { scenario, unit, store: operations / seconds.store, raw: operations / seconds.raw };
  }

  async function compareReads(scenario: string, readStore: () => Promise<number>): Promise<Figure> {
    const seconds = { store: 0, raw: 0 };
    let events = 0;
    for (let pass = 0; pass < sizes.readPasses; pass++) {
      const sides = [
        async () =>
          (seconds.store += await timed(async () => {
            events += await readStore();
          })),
        async () => (seconds.raw += await timed(() => raw.readAll(READ_PAGE))),
      ];
      for (const side of pass % 2 === 0 ? sides : sides.reverse()) await side();
    }
    return { scenario, unit: 'events/s', store: events / seconds.store, raw: events / seconds.raw };
  }

  try {
    await store.init();
    await raw.create();
    // Unmeasured: compiles the code paths and fills every pooled connection's plan caches.
    const warmUp = workload({
      writers: WRITERS,
      appendsPerWriter: 20,
      eventsPerAppend: oneToThree,
    });
    await runWriters(warmUp, appendToStore);
    await runWriters(warmUp, insertRaw);

    const figures = [
      await compareAppends(
        'append 1–3 events, 1 writer',
        { writers: 1, appendsPerWriter: sizes.appends, eventsPerAppend: oneToThree },
        'appends/s',
      ),
      await compareAppends(
        `append 1–3 events, ${WRITERS} writers`,
        { writers: WRITERS, appendsPerWriter: sizes.appends / 4, eventsPerAppend: oneToThree },
        'appends/s',
      ),
      await compareAppends(
        'append 1 event, 1 writer',
        { writers: 1, appendsPerWriter: sizes.appends, eventsPerAppend: () => 1 },
        'appends/s',
      ),
      await compareAppends(
        `append ${BATCH} events, 1 writer`,
        { writers: 1, appendsPerWriter: sizes.batchAppends, eventsPerAppend: () => BATCH },
        'events/s',
      ),
    ];
    const total = await store.headPosition();
    figures.push(
      await compareReads(`readAll, ${total.toLocaleString('en')} events`, async () => {
        let count = 0;
        for await (const _ of store.readAll(START, { pageSize: READ_PAGE })) count++;
        return count;
      }),
      await compareReads(`subscription catch-up, ${total.toLocaleString('en')} events`, () =>
        catchUp(store, total),
      ),
    );
    return figures;
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
}

/** Subscribes from the start until `total` events were handled; returns how many. */
async function catchUp(store: PostgresEventStore, total: number): Promise<number> {
  let count = 0;
  let reached!: () => void;
  const allHandled = new Promise<void>((resolve) => (reached = resolve));
  const subscription = store.subscribeToAll(
    START,
    async (batch) => {
      count += batch.length;
      if (count >= total) reached();
    },
    { batchSize: READ_PAGE },
  );
  await Promise.race([allHandled, subscription.done]);
  await subscription.stop();
  return count;
}

async function runWriters(
  work: Workload,
  append: (a: BenchAppend) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    work.map(async (appends) => {
      for (const a of appends) await append(a);
    }),
  );
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function printTable(target: string, figures: Figure[]): void {
  const header = ['scenario', 'event store', 'raw SQL', 'store/raw'];
  const rows = figures.map((f) => [
    f.scenario,
    `${Math.round(f.store).toLocaleString('en')} ${f.unit}`,
    `${Math.round(f.raw).toLocaleString('en')} ${f.unit}`,
    `${Math.round((f.store / f.raw) * 100)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${target}`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => `-${'-'.repeat(w)}${i === 0 ? '-' : ':'}`).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    printTable(await describeServer(url), await benchTarget(url, SIZES.server));
  }
  const embedded = await startEmbeddedPostgres();
  try {
    const description = await describeServer(embedded.url);
    printTable(
      `embedded PGlite in this process, ${description}`,
      await benchTarget(embedded.url, SIZES.embedded),
    );
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
