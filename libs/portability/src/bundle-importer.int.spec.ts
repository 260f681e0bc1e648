import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { coopStream, consortiumStream } from '@libs/contracts';
import { NewEvent, NO_STREAM, PostgresEventStore, RecordedEvent, START } from '@libs/event-store';
import { openOlderTransaction } from '@libs/event-store/testing/older-transaction';
import { BrokenBundleError } from './broken-bundle';
import { keyFingerprint } from './bundle-signature';
import { prepareBundle } from './bundle-writer';
import { importBundle, ImportRefused, ImportTarget } from './bundle-importer';
import { MemberKey, MemberKeySink } from './member-keys';
import { forged, rehashed } from './testing/forged-bundle';
import {
  admittedMember as admitted,
  collect,
  eur,
  keySource,
  PASSPHRASE,
  SIGNER,
  testSigner,
} from './testing/sample-history';

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

const paid = (memberId: string, hundredths: number) =>
  event('CapitalPaid', { memberId, paidOn: '2025-02-01', amount: eur(hundredths) });

beforeAll(async () => {
  await source.init();
  const memberId = randomUUID();
  const contributionId = randomUUID();
  const member = coopStream(COOP, 'member', memberId);
  const contribution = coopStream(COOP, 'contribution', contributionId);
  const keyId = randomUUID();
  memberKeys.push({ keyId, memberId, key: randomBytes(32), createdAt: new Date() });
  const sealed = { keyId, iv: 'aXY=', ciphertext: 'c2VhbGVk', tag: 'dGFn' };
  await source.appendToStream(
    member,
    [event('MemberAdmitted', admitted(memberId, sealed))],
    NO_STREAM,
  );
  await source.appendToStream(
    contribution,
    [
      event('ContributionRecorded', {
        contributionId,
        kind: 'dues',
        pillar: 'market',
        quantity: eur(1000),
        period: '2025-03',
        theme: 'mobility',
        source: null,
        status: 'pledged',
        recordedOn: '2025-03-01',
      }),
    ],
    NO_STREAM,
  );
  await source.appendToStream(member, [paid(memberId, 2000), paid(memberId, 3000)], 1);
  await source.appendToStream(
    consortiumStream('registry', 'member-coops'),
    [
      event('CoopAdmitted', {
        coopId: COOP,
        legalForm: 'social_coop_a',
        admittedOn: '2025-03-01',
        override: null,
      }),
    ],
    NO_STREAM,
  );
  await source.appendToStream(
    contribution,
    [event('PledgePaid', { contributionId, paidOn: '2025-03-02' })],
    1,
  );
  const other = randomUUID();
  await source.appendToStream(
    coopStream('other-coop', 'member', other),
    [event('MemberAdmitted', admitted(other, null), 'other-coop')],
    NO_STREAM,
  );
  await readAllOf(source, 7, '');
  const prepared = await prepareBundle({
    store: source,
    coopId: COOP,
    signer: SIGNER,
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

/**
 * The store as when a transaction open elsewhere holds the last of its events behind the read
 * horizon (global reads show two); without `atomic`, as a store without transactions across
 * streams (EventStoreDB).
 */
function lagging(target: PostgresEventStore, atomic: boolean): PostgresEventStore {
  return new Proxy(target, {
    get: (store, name, receiver) =>
      name === 'readAll'
        ? (from: string, options: object) => store.readAll(from, { ...options, maxCount: 2 })
        : name === 'appendAtomically' && !atomic
          ? undefined
          : Reflect.get(store, name, receiver),
  });
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
      atomic: true,
      signer: {
        party: 'coop',
        coopId: COOP,
        publicKey: SIGNER.publicKey,
        fingerprint: keyFingerprint(SIGNER.publicKey),
        checked: false,
      },
      sealHash: expect.stringMatching(/^[0-9a-f]{64}$/),
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

  /** A store holding the source's first `count` events, as an import stopped after them leaves it. */
  async function storeHoldingTheBeginning(
    name: string,
    count: number,
  ): Promise<PostgresEventStore> {
    const target = storeIn(name);
    await target.init();
    for (const e of (await readAllOf(source, 5)).slice(0, count))
      await target.appendToStream(e.streamId, [e], e.streamVersion - 1);
    return target;
  }

  /** The target holds the source's events, no more, in the same order. */
  async function expectTheSourceEvents(target: PostgresEventStore): Promise<void> {
    expect((await readAllOf(target, 5)).map((e) => e.eventId)).toEqual(
      (await readAllOf(source, 5)).map((e) => e.eventId),
    );
  }

  it('finishes an import of which the store holds a beginning (written stream by stream)', async () => {
    const target = await storeHoldingTheBeginning('interrupted', 2);
    const report = await importBundle(() => [bundle], connectTo(target, new KeyTable()), {
      withoutPersonalData: true,
    });
    expect(report).toMatchObject({ appended: 3, alreadyPresent: 2, memberKeys: 'left out' });
    await expectTheSourceEvents(target);
  });

  // PGlite is one session: a transaction held open by another client would stop every query.
  (process.env.EMBEDDED_DATABASE === '1' ? it.skip : it)(
    'given a beginning committed while an older transaction is still open, when imported, then it finishes the import',
    async () => {
      const older = await openOlderTransaction(); // older than the beginning's appends
      try {
        const target = await storeHoldingTheBeginning('behind_older', 2);
        const importing = importBundle(() => [bundle], connectTo(target, new KeyTable()), {
          withoutPersonalData: true,
        });
        // Readers stop at the older transaction: the import waits for it to end.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await older.end();
        expect(await importing).toMatchObject({ appended: 3, alreadyPresent: 2, atomic: true });
        await expectTheSourceEvents(target);
      } finally {
        await older.end();
      }
    },
  );

  it('stream by stream, finishes it even when global reads do not show all of the earlier import yet', async () => {
    // Member v1, contribution v1, member v2: the bundle then appends member v2 and v3 together.
    const target = await storeHoldingTheBeginning('lagging', 3);
    const report = await importBundle(
      () => [bundle],
      async () => ({ store: lagging(target, false) }),
      { withoutPersonalData: true },
    );
    expect(report).toMatchObject({ appended: 2, alreadyPresent: 3, atomic: false });
    await expectTheSourceEvents(target);
  });

  it('in one transaction, refuses and writes nothing when the store holds events global reads do not show yet', async () => {
    const target = await storeHoldingTheBeginning('lagging_atomic', 3);
    await expect(
      importBundle(
        () => [bundle],
        async () => ({ store: lagging(target, true) }),
        { withoutPersonalData: true },
      ),
    ).rejects.toThrow(
      /the store changed since it was compared with the bundle; nothing was written/,
    );
    expect(await target.headPosition()).toBe(3);
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
    const someone = randomUUID();
    await target.appendToStream(
      coopStream(COOP, 'member', someone),
      [event('MemberAdmitted', admitted(someone, null))],
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

describe('an import is all or nothing', () => {
  // 19 events: a member admitted, then 18 payments; event #18 is line 19 of the bundle.
  let long: string;
  const memberId = randomUUID();
  const lines = () => long.trimEnd().split('\n');

  beforeAll(async () => {
    const store = storeIn('long_source');
    await store.init();
    const stream = coopStream(COOP, 'member', memberId);
    await store.appendToStream(
      stream,
      [event('MemberAdmitted', admitted(memberId, null))],
      NO_STREAM,
    );
    for (let i = 1; i <= 18; i++) await store.appendToStream(stream, [paid(memberId, 100 * i)], i);
    await readAllOf(store, 19);
    long = await collect((await prepareBundle({ store, coopId: COOP, signer: SIGNER })).text());
    expect(lines()).toHaveLength(22);
  });

  /** A store holding one event of another coop: what an import must leave as it is. */
  async function occupied(name: string): Promise<PostgresEventStore> {
    const target = storeIn(name);
    await target.init();
    const someone = randomUUID();
    await target.appendToStream(
      coopStream('other-coop', 'member', someone),
      [event('MemberAdmitted', admitted(someone, null), 'other-coop')],
      NO_STREAM,
    );
    return target;
  }

  /** Every row of the store's table, visible to global reads yet or not. */
  async function eventsIn(store: PostgresEventStore): Promise<number> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "${store.schema}".events`,
      );
      return rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  it('a bad event at #18 of 19 (signed as it should be): refused before any write', async () => {
    const target = await occupied('bad_18');
    const bad = forged(
      lines(),
      (parsed) => {
        (parsed[18].data as { amount: unknown }).amount = eur(1e30);
        return parsed;
      },
      SIGNER,
    );
    await expect(
      importBundle(() => [bad], connectTo(target, new KeyTable()), {
        expectKey: keyFingerprint(SIGNER.publicKey),
      }),
    ).rejects.toThrow(/^line 19 \(event #18, .*\): CapitalPaid: data\.amount\.hundredths must be/);
    expect(await eventsIn(target)).toBe(1);
  });

  it('event #18 fails only when written (its id is taken in the store): nothing of the 19 stays', async () => {
    const target = await occupied('taken_18');
    const taken = JSON.parse(lines()[18]) as { eventId: string };
    await target.appendToStream(
      coopStream('other-coop', 'member', randomUUID()),
      [{ ...event('PersonalDataErased', {}, 'other-coop'), eventId: taken.eventId }],
      NO_STREAM,
    );
    await expect(importBundle(() => [long], connectTo(target, new KeyTable()))).rejects.toThrow(
      /nothing was written, run the import again/,
    );
    expect(await eventsIn(target)).toBe(2);
  });

  it('the bundle swapped for a forged one between the check and the write: nothing stays', async () => {
    const target = await occupied('swapped');
    const mallory = forged(
      lines(),
      (parsed) => {
        (parsed[18].data as { amount: unknown }).amount = eur(999_999);
        return parsed;
      },
      SIGNER,
    );
    let opened = 0;
    await expect(
      importBundle(() => [++opened <= 2 ? long : mallory], connectTo(target, new KeyTable())),
    ).rejects.toThrow(/the bundle changed while it was being imported/);
    expect(await eventsIn(target)).toBe(1);
  });

  it('signed by another key than the one expected: refused before any write', async () => {
    const target = await occupied('other_key');
    const connect = jest.fn(connectTo(target, new KeyTable()));
    await expect(
      importBundle(() => [forged(lines(), (parsed) => parsed, testSigner())], connect, {
        expectKey: SIGNER.publicKey,
      }),
    ).rejects.toThrow(
      /^line 1 \(manifest\): signed by coop orto-comune with key [0-9a-f]{64}, not the expected key/,
    );
    expect(connect).not.toHaveBeenCalled();
    expect(await eventsIn(target)).toBe(1);
  });

  type Line = Record<string, unknown> & { data: Record<string, unknown> };
  const refusals: [string, () => string, RegExp][] = [
    [
      'a line changed and re-hashed without the key',
      () =>
        rehashed(lines(), (parsed) => {
          parsed[18].actor = 'mallory';
          return parsed;
        }),
      /^line 22 \(signature\): the signature is not one by the key the manifest names/,
    ],
    [
      'an unknown event type',
      () => signedAs(SIGNER, 19, (line) => void (line.type = 'MoneyPrinted')),
      /^line 19 \(event #18, .*\): unknown event type "MoneyPrinted"/,
    ],
    [
      'a NUL',
      () => signedAs(SIGNER, 19, (line) => void (line.data.paidOn = '2025-02-01\u0000')),
      /^line 19 \(event #18, .*\): data\.paidOn holds a NUL character/,
    ],
    [
      'another coop’s stream',
      () =>
        signedAs(SIGNER, 19, (line) => void (line.streamId = `coop/other-coop/member/${memberId}`)),
      /^line 19 \(event #18, .*\): stream coop\/other-coop\/member\/.* belongs to coop other-coop/,
    ],
  ];

  function signedAs(signer: typeof SIGNER, at: number, edit: (line: Line) => void): string {
    return forged(
      lines(),
      (parsed) => {
        edit(parsed[at - 1] as Line);
        return parsed;
      },
      signer,
    );
  }

  it.each(refusals)('%s: refused, the line named, nothing written', async (_name, make, reason) => {
    const target = await occupied(`refused_${refusals.findIndex(([name]) => name === _name)}`);
    await expect(
      importBundle(() => [make()], connectTo(target, new KeyTable()), {
        expectKey: SIGNER.publicKey,
      }),
    ).rejects.toThrow(reason);
    expect(await eventsIn(target)).toBe(1);
  });
});
