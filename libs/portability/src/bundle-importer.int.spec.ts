import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream, consortiumStream } from '@libs/contracts';
import { NewEvent, NO_STREAM, PostgresEventStore, RecordedEvent, START } from '@libs/event-store';
import { BrokenBundleError } from './broken-bundle';
import { prepareBundle } from './bundle-writer';
import { importBundle, ImportRefused, ImportTarget } from './bundle-importer';
import { MemberKey, MemberKeySink } from './member-keys';
import { collect, keySource, PASSPHRASE } from './testing/sample-history';

// Export from one store, import into another: both PostgreSQL event stores in schemas of their own.
const DATABASE_URL = process.env.DATABASE_URL!;
const COOP = 'orto-comune';
const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
const schemas: string[] = [];
const stores: PostgresEventStore[] = [];

function storeIn(name: string): PostgresEventStore {
  const schema = `portability_${suffix}_${name}`;
  schemas.push(schema);
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
  stores.push(store);
  return store;
}

async function schemaExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
      `portability_${suffix}_${name}`,
    ]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

class KeyTable implements MemberKeySink {
  readonly keys = new Map<string, MemberKey>();
  async save(keys: MemberKey[]): Promise<number> {
    const fresh = keys.filter((key) => !this.keys.has(key.keyId));
    for (const key of fresh) this.keys.set(key.keyId, key);
    return fresh.length;
  }
}

const event = (type: string, data: unknown, coopId: string | null = COOP): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { coopId, actor: 'admin-1', correlationId: randomUUID(), causationId: randomUUID() },
  occurredAt: new Date('2025-03-01T10:00:00.123Z'),
});

/**
 * The streams under `prefix` in global order, once `count` of them are visible: global reads on a
 * real server hold back what committed after a transaction still open elsewhere (parallel tests).
 */
async function readAllOf(store: PostgresEventStore, count: number, prefix = `coop/${COOP}/`) {
  for (const deadline = Date.now() + 10_000; ;) {
    const events: RecordedEvent[] = [];
    for await (const e of store.readAll(START, { filter: { streamPrefix: prefix } }))
      events.push(e);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const source = storeIn('source');
const memberKeys: MemberKey[] = [];
let bundle: string;

beforeAll(async () => {
  await source.init();
  const member = coopStream(COOP, 'member', randomUUID());
  const contribution = coopStream(COOP, 'contribution', randomUUID());
  const keyId = randomUUID();
  memberKeys.push({ keyId, memberId: 'm-1', key: randomBytes(32), createdAt: new Date() });
  await source.appendToStream(
    member,
    [event('MemberAdmitted', { personalData: { keyId } })],
    NO_STREAM,
  );
  await source.appendToStream(contribution, [event('ContributionRecorded', { n: 1 })], NO_STREAM);
  await source.appendToStream(
    member,
    [event('CapitalPaid', { n: 2 }), event('CapitalPaid', { n: 3 })],
    1,
  );
  await source.appendToStream(
    consortiumStream('registry', randomUUID()),
    [event('CoopAdmitted', { coopId: COOP })],
    NO_STREAM,
  );
  await source.appendToStream(contribution, [event('PledgePaid', { n: 4 })], 1);
  await source.appendToStream(
    coopStream('other-coop', 'member', 'x'),
    [event('MemberAdmitted', {}, 'other-coop')],
    NO_STREAM,
  );
  await readAllOf(source, 7, '');
  const prepared = await prepareBundle({
    store: source,
    coopId: COOP,
    memberKeys: keySource(memberKeys),
    passphrase: PASSPHRASE,
  });
  bundle = await collect(prepared.text());
});

afterAll(async () => {
  for (const store of stores) await store.close();
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

function connectTo(store: PostgresEventStore, keys: KeyTable): () => Promise<ImportTarget> {
  return async () => {
    await store.init();
    return { store, memberKeys: keys };
  };
}

describe('importing a bundle', () => {
  it('puts the coop’s streams back as they were, event ids and versions included, once', async () => {
    const target = storeIn('fresh');
    const keys = new KeyTable();
    const report = await importBundle(() => [bundle], connectTo(target, keys), {
      passphrase: PASSPHRASE,
    });
    expect(report).toEqual({
      coopId: COOP,
      eventCount: 6,
      appended: 5,
      alreadyPresent: 0,
      consortiumEvents: 1,
      memberKeys: { saved: 1, alreadyPresent: 0 },
    });
    const strip = ({
      eventId,
      type,
      schemaVersion,
      data,
      metadata,
      occurredAt,
      streamId,
      streamVersion,
    }: RecordedEvent) => ({
      eventId,
      type,
      schemaVersion,
      data,
      metadata,
      occurredAt,
      streamId,
      streamVersion,
    });
    expect((await readAllOf(target, 5)).map(strip)).toEqual(
      (await readAllOf(source, 5)).map(strip),
    );
    expect(await readAllOf(target, 0, 'consortium/')).toEqual([]);
    expect(keys.keys.get(memberKeys[0].keyId)?.key).toEqual(memberKeys[0].key);

    const again = await importBundle(() => [bundle], connectTo(target, keys), {
      passphrase: PASSPHRASE,
    });
    expect(again).toMatchObject({
      appended: 0,
      alreadyPresent: 5,
      memberKeys: { saved: 0, alreadyPresent: 1 },
    });
    expect(await target.headPosition()).toBe(5);
  });

  it('finishes an interrupted import', async () => {
    const target = storeIn('interrupted');
    await target.init();
    const [first, second] = await readAllOf(source, 5);
    for (const e of [first, second])
      await target.appendToStream(e.streamId, [e], e.streamVersion - 1);
    const report = await importBundle(() => [bundle], connectTo(target, new KeyTable()), {
      withoutPersonalData: true,
    });
    expect(report).toMatchObject({ appended: 3, alreadyPresent: 2, memberKeys: 'left out' });
    expect((await readAllOf(target, 5)).map((e) => e.eventId)).toEqual(
      (await readAllOf(source, 5)).map((e) => e.eventId),
    );
  });

  it('finishes it even when global reads do not show all of the earlier import yet', async () => {
    const target = storeIn('lagging');
    await target.init();
    // Member v1, contribution v1, member v2: the bundle then appends member v2 and v3 together.
    for (const e of (await readAllOf(source, 5)).slice(0, 3)) {
      await target.appendToStream(e.streamId, [e], e.streamVersion - 1);
    }
    // As when a transaction open elsewhere holds the last of them behind the read horizon.
    const lagging = new Proxy(target, {
      get: (store, name, receiver) =>
        name === 'readAll'
          ? (from: string, options: object) => store.readAll(from, { ...options, maxCount: 2 })
          : Reflect.get(store, name, receiver),
    });
    const report = await importBundle(
      () => [bundle],
      async () => ({ store: lagging }),
      { withoutPersonalData: true },
    );
    expect(report).toMatchObject({ appended: 2, alreadyPresent: 3 });
    expect((await readAllOf(target, 5)).map((e) => e.eventId)).toEqual(
      (await readAllOf(source, 5)).map((e) => e.eventId),
    );
  });

  it('refuses a broken bundle before connecting to any database', async () => {
    const lines = bundle.split('\n');
    lines.splice(3, 1);
    const connect = jest.fn(connectTo(storeIn('broken'), new KeyTable()));
    await expect(
      importBundle(() => [lines.join('\n')], connect, { passphrase: PASSPHRASE }),
    ).rejects.toThrow(BrokenBundleError);
    await expect(
      importBundle(() => [bundle], connect, { passphrase: 'a wrong passphrase' }),
    ).rejects.toThrow(/line 8 \(member key #1, .*\): does not open with this passphrase/);
    expect(connect).not.toHaveBeenCalled();
    expect(await schemaExists('broken')).toBe(false);
  });

  it('asks for the passphrase when the bundle carries member keys', async () => {
    await expect(
      importBundle(() => [bundle], connectTo(storeIn('nopass'), new KeyTable())),
    ).rejects.toThrow(ImportRefused);
    expect(await schemaExists('nopass')).toBe(false);
  });

  it('refuses a store that holds another history of the coop, writing nothing', async () => {
    const target = storeIn('other');
    await target.init();
    await target.appendToStream(
      coopStream(COOP, 'member', randomUUID()),
      [event('MemberAdmitted', {})],
      NO_STREAM,
    );
    const keys = new KeyTable();
    await expect(
      importBundle(() => [bundle], connectTo(target, keys), { passphrase: PASSPHRASE }),
    ).rejects.toThrow(/the store already holds another history of this coop/);
    expect(await target.headPosition()).toBe(1);
    expect(keys.keys.size).toBe(0);
  });
});
