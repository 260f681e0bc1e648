import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { NewEvent, RecordedEvent, START } from '../envelope';
import { ANY } from '../expected-version';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { backupEventStore } from './event-store-backup';
import { restoreEventStore } from './event-store-restore';

const DATABASE_URL = process.env.DATABASE_URL!;
const directory = mkdtempSync(join(tmpdir(), 'event-store-backup-'));
const schemas: string[] = [];
const stores: PostgresEventStore[] = [];

async function emptyStore(): Promise<PostgresEventStore> {
  const schema = `es_backup_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(schema);
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
  stores.push(store);
  await store.init();
  return store;
}

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  rmSync(directory, { recursive: true, force: true });
});

function event(type: string, data: unknown, schemaVersion = 1): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      coopId: 'velo-solidaire',
      actor: 'anna',
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
    occurredAt: new Date('2027-03-01T10:15:30.123Z'),
  };
}

/** Every event, once the store's reads reach its head (another test's transaction may hold them). */
async function everything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const head = await store.headPosition();
  const deadline = Date.now() + 10_000;
  while (head > 0 && !(await store.readsReach(head)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const events: RecordedEvent[] = [];
  for await (const recorded of store.readAll(START)) events.push(recorded);
  return events;
}

/** An event as a reader sees it, without where the store put it in the log. */
const withoutPlace = ({ globalPosition: _p, checkpoint: _c, ...rest }: RecordedEvent) => rest;

/** A history of interleaved streams, with a gap in the log (a failed append) and an old schema version. */
async function history(store: PostgresEventStore): Promise<void> {
  await store.appendToStream(
    'coop/velo-solidaire/member/1',
    [event('MemberAdmitted', { n: 1 }, 0)],
    ANY,
  );
  await store.appendToStream(
    'coop/velo-solidaire/member/2',
    [event('MemberAdmitted', { n: 2 })],
    ANY,
  );
  await store
    .appendToStream('coop/velo-solidaire/member/1', [event('SharesSubscribed', { n: 3 })], 5)
    .catch(() => undefined);
  await store.appendToStream(
    'coop/velo-solidaire/member/1',
    [event('SharesSubscribed', { n: 4, text: 'é ✓ "quoted"' }), event('CapitalPaid', { n: 5 })],
    1,
  );
  await store.appendToStream('consortium/registry/main', [event('CoopAdmitted', { n: 6 })], ANY);
  await store.appendToStream(
    'coop/velo-solidaire/member/2',
    [event('MemberWithdrew', { n: 7 })],
    1,
  );
}

describe('event-store backup and restore', () => {
  let source: PostgresEventStore;
  let file: string;

  beforeAll(async () => {
    source = await emptyStore();
    await history(source);
    file = join(directory, 'store.ndjson.gz');
  });

  it('given a store, when backed up and restored into an empty one, then it holds the same events in the same order', async () => {
    const summary = await backupEventStore(source, file);
    const target = await emptyStore();

    expect(await restoreEventStore(target, file)).toEqual({ events: 6, streams: 3 });
    expect(summary.events).toBe(6);
    const [original, restored] = [await everything(source), await everything(target)];
    expect(restored.map(withoutPlace)).toEqual(original.map(withoutPlace));
    // New positions, the same order.
    const positions = restored.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('given a store that is not empty, when restored into, then it refuses and writes nothing', async () => {
    const target = await emptyStore();
    await target.appendToStream('coop/x/member/1', [event('MemberAdmitted', {})], ANY);

    await expect(restoreEventStore(target, file)).rejects.toThrow(/not empty/);
    expect(await everything(target)).toHaveLength(1);
  });

  it.each([
    [
      'an altered event',
      (lines: string[]) => [lines[0], lines[1].replace('"n":1', '"n":9'), ...lines.slice(2)],
      /backup line 8: checksum mismatch/,
    ],
    ['a file cut short', (lines: string[]) => lines.slice(0, 4), /backup line 4: no trailer/],
    [
      'events out of order',
      (lines: string[]) => [lines[0], lines[2], lines[1], ...lines.slice(3)],
      /backup line 3: position \d+ out of order/,
    ],
    [
      'another file',
      (lines: string[]) => ['{"hello":"world"}', ...lines.slice(1)],
      /backup line 1: not an event-store backup/,
    ],
    [
      'a line that is not JSON',
      (lines: string[]) => [lines[0], '{"position":', ...lines.slice(2)],
      /backup line 2: not JSON/,
    ],
  ])(
    'given %s, when restored, then it names the line and writes nothing',
    async (_case, spoil, error) => {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      const spoilt = join(directory, `spoilt-${randomUUID()}.ndjson.gz`);
      writeFileSync(spoilt, gzipSync(`${spoil(lines).join('\n')}\n`));
      const target = await emptyStore();

      await expect(restoreEventStore(target, spoilt)).rejects.toThrow(error);
      expect(await everything(target)).toEqual([]);
    },
  );
});
