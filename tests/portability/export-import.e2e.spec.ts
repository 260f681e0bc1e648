import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import {
  apiClient,
  APP_ENTRY,
  DATABASE_URL,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { keyFingerprint } from '@libs/portability';
import { forged, rehashed } from '@libs/portability/testing/forged-bundle';
import { testSigner } from '@libs/portability/testing/sample-history';
import { ApiClient, coopAdminToken } from '../coop/coop-app';
import { CoopHistory, liveAHistory, PEOPLE } from './coop-history';
import { runCli } from './operator-cli';
import { checkedFetch } from '../support/openapi-conformance';

// Issues 6 and 12: a coop leaves with its complete, verifiable history. A coop app and the
// consortium app run as real processes on one store; the coop lives a history through its API
// (its application carries its bundle-signing key, which the board's admission records); its
// bundle is exported over HTTP (both apps) and with the CLI, verified (the signer checked against
// the registry), tampered with and forged many ways (each refused by verify and by import, with
// the line named, the store's events counted before and after), imported into a fresh store
// twice, and a coop app started on that store answers as the original did.
const COOP_ID = 'velo-solidaire';
const PASSPHRASE = 'we leave with our history';
const original = new TestSchemas();
const originalReadModels = original.readModels();
const consortiumReadModels = original.readModels();
const fresh = new TestSchemas();
const freshReadModels = fresh.readModels();
const refusedTargets: TestSchemas[] = [];
const dir = mkdtempSync(join(tmpdir(), 'portability-e2e-'));
const file = (name: string) => join(dir, name);

let coopApp: RunningApp;
let consortium: RunningApp;
let importedApp: RunningApp | undefined;
let history: CoopHistory;
let before: Snapshot;

const admin = (app: RunningApp) => apiClient(app.url, coopAdminToken(COOP_ID));
const board = () => apiClient(consortium.url, tokenFor({ sub: 'board-1', role: 'board-member' }));

beforeAll(async () => {
  [coopApp, consortium] = await Promise.all([
    startApp(APP_ENTRY.coop, original, { COOP_ID, DATABASE_SCHEMA: originalReadModels }),
    startApp(APP_ENTRY.consortium, original, {
      BOARD_MEMBERS: 'board-1',
      DATABASE_SCHEMA: consortiumReadModels,
    }),
  ]);
  history = await liveAHistory(admin(coopApp));
  expect((await board()('POST', `/coops/${COOP_ID}/admission`, {})).status).toBe(201);
  expect(
    (await admin(coopApp)('POST', '/consortium/withdrawal', { reason: 'we leave' })).status,
  ).toBe(201);
  before = await eventually(async () => settled(await snapshot(admin(coopApp)), history), 20_000);
});

afterAll(async () => {
  await Promise.all([coopApp?.stop(), consortium?.stop(), importedApp?.stop()]);
  for (const schemas of [original, fresh, ...refusedTargets]) await schemas.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Listed {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

interface Snapshot {
  coop: unknown;
  members: Record<string, unknown>[];
  summary: unknown;
  contributions: Record<string, unknown>[];
  resources: Record<string, unknown>[];
}

/** Every page of a list, a few items per page so that paging is part of what is compared. */
async function allPages(client: ApiClient, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let cursor: string | null = null; ;) {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client<Listed>('GET', `${path}${query}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
}

async function snapshot(client: ApiClient): Promise<Snapshot> {
  const [coop, summary] = await Promise.all([
    client('GET', '/coop'),
    client('GET', '/membership/summary'),
  ]);
  return {
    coop: coop.body,
    members: await allPages(client, '/members'),
    summary: summary.body,
    contributions: await allPages(client, '/contributions'),
    resources: await allPages(client, '/resources'),
  };
}

/** The snapshot once the read models show the whole history (they trail the writes a little). */
function settled(state: Snapshot, expected: CoopHistory): Snapshot {
  expect(state.members.map((m) => m.memberId).sort()).toEqual([...expected.members].sort());
  expect(state.members.find((m) => m.memberId === expected.members[1])).toMatchObject({
    status: expect.not.stringMatching(/^active$/),
  });
  expect(state.members.find((m) => m.memberId === expected.members[2])).toMatchObject({
    displayName: null,
  });
  expect(state.contributions).toHaveLength(expected.contributions);
  expect(state.contributions.filter((c) => c.status === 'paid')).toHaveLength(4);
  expect(state.resources).toHaveLength(expected.resourcesOnOffer);
  return state;
}

async function download(url: string, token: string, headers: Record<string, string> = {}) {
  const { origin, pathname, search } = new URL(url);
  return checkedFetch(origin, `${pathname}${search}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
}

async function saveBundle(response: Response, name: string): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file(name)));
  return file(name);
}

const linesOf = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
const eventIdsOf = (path: string) =>
  linesOf(path)
    .filter((l) => l.kind === 'event')
    .map((l) => l.eventId);

const storeEnv = (schemas: TestSchemas) => ({
  DATABASE_URL,
  EVENT_STORE_URL: DATABASE_URL,
  EVENT_STORE_SCHEMA: schemas.eventStore,
  BUNDLE_PASSPHRASE: PASSPHRASE,
});

async function schemaExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (
      (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).rows.length > 0
    );
  } finally {
    await client.end();
  }
}

async function query<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function storedEvents(schemas: TestSchemas): Promise<number> {
  const [{ n }] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${schemas.eventStore}".events`,
  );
  return n;
}

/** The app's own signing key, read where the app keeps it. */
async function signingKeyOf(readModels: string): Promise<string> {
  const [{ public_key }] = await query<{ public_key: string }>(
    `SELECT public_key FROM "${readModels}".bundle_signing_key`,
  );
  return public_key;
}

let httpBundle: string;
let cliBundle: string;
let sealHash: string;

describe('export', () => {
  it('GET /export streams the coop’s history with its wrapped member keys, and no one in clear', async () => {
    httpBundle = await saveBundle(
      await download(`${coopApp.url}/export`, coopAdminToken(COOP_ID), {
        'bundle-passphrase': PASSPHRASE,
      }),
      'http.ndjson',
    );
    const lines = linesOf(httpBundle);
    const events = lines.filter((l) => l.kind === 'event');
    expect(lines[0]).toMatchObject({
      kind: 'manifest',
      coopId: COOP_ID,
      eventCount: events.length,
      personalData: { memberKeys: 'wrapped' },
    });
    expect(events.every((e) => e.coopId === COOP_ID)).toBe(true);
    expect(events.filter((e) => e.streamId.startsWith('consortium/')).map((e) => e.type)).toEqual([
      'CoopAdmitted',
    ]);
    // Three keys: Bruno's, Dario's and Anna's; Carla's was destroyed when her data was erased.
    expect(lines.filter((l) => l.kind === 'memberKey')).toHaveLength(3);
    // Signed by the coop's own key, the one its application gave and the board's admission recorded.
    const coopKey = await signingKeyOf(originalReadModels);
    expect(lines[0].signer).toEqual({ party: 'coop', algorithm: 'Ed25519', publicKey: coopKey });
    expect(lines.at(-1)).toMatchObject({ kind: 'signature' });
    const admitted = events.find((e) => e.type === 'CoopAdmitted');
    expect(admitted).toMatchObject({ schemaVersion: 2, data: { bundleKey: coopKey } });
    expect(events.find((e) => e.type === 'ConsortiumApplicationSubmitted')).toMatchObject({
      schemaVersion: 2,
      data: { bundleKey: coopKey },
    });
    const text = readFileSync(httpBundle, 'utf8');
    for (const person of PEOPLE) {
      expect(text).not.toContain(person.displayName);
      expect(text).not.toContain(person.email);
    }
  });

  it('GET /export is for the coop’s admin only, and refuses a passphrase too short to protect anything', async () => {
    const auditor = tokenFor({ sub: 'auditor-1', role: 'auditor', coopId: COOP_ID });
    expect((await download(`${coopApp.url}/export`, auditor)).status).toBe(403);
    expect((await download(`${coopApp.url}/export`, coopAdminToken('casa-comune'))).status).toBe(
      403,
    );
    const short = await download(`${coopApp.url}/export`, coopAdminToken(COOP_ID), {
      'bundle-passphrase': 'short',
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ errors: [{ field: 'Bundle-Passphrase' }] });
  });

  it('GET /coops/{coopId}/export on the consortium: the same events, no keys; board or that coop’s admin', async () => {
    const url = `${consortium.url}/coops/${COOP_ID}/export`;
    const byBoard = await saveBundle(
      await download(url, tokenFor({ sub: 'board-1', role: 'board-member' })),
      'board.ndjson',
    );
    expect(eventIdsOf(byBoard)).toEqual(eventIdsOf(httpBundle));
    expect(linesOf(byBoard)[0].personalData).toEqual({ memberKeys: 'none' });
    // The consortium is the exporter: it signs with its own key, and says so.
    expect(linesOf(byBoard)[0].signer).toEqual({
      party: 'consortium',
      algorithm: 'Ed25519',
      publicKey: await signingKeyOf(consortiumReadModels),
    });
    const byAdmin = await saveBundle(await download(url, coopAdminToken(COOP_ID)), 'admin.ndjson');
    expect(eventIdsOf(byAdmin)).toEqual(eventIdsOf(httpBundle));

    expect((await download(url, coopAdminToken('casa-comune'))).status).toBe(403);
    expect((await download(url, tokenFor({ sub: 'auditor-1', role: 'auditor' }))).status).toBe(403);
    expect((await download(url, tokenFor({ sub: 'mallory', role: 'board-member' }))).status).toBe(
      403,
    );
    expect(
      (
        await download(
          `${consortium.url}/coops/no-such-coop/export`,
          tokenFor({ sub: 'board-1', role: 'board-member' }),
        )
      ).status,
    ).toBe(404);
  });

  it('npm run cli -- export writes the same history to a file and prints its seal hash', async () => {
    cliBundle = file('cli.ndjson');
    const run = await runCli(
      ['export', '--coop', COOP_ID, '--out', cliBundle, '--schema', originalReadModels],
      storeEnv(original),
    );
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(
      `exported ${eventIdsOf(httpBundle).length} events of ${COOP_ID}, 3 member keys`,
    );
    const coopKey = await signingKeyOf(originalReadModels);
    expect(run.stdout).toContain(`signed by coop ${COOP_ID}, key ${keyFingerprint(coopKey)}`);
    sealHash = /seal hash ([0-9a-f]{64})/.exec(run.stdout)![1];
    expect(eventIdsOf(cliBundle)).toEqual(eventIdsOf(httpBundle));
    expect(linesOf(cliBundle).at(-2)).toMatchObject({ kind: 'seal', hash: sealHash });
    expect(linesOf(cliBundle)[0].signer.publicKey).toBe(coopKey);
  });
});

describe('verify', () => {
  it('npm run cli -- verify accepts both bundles, opening every key, the signer checked against the registry', async () => {
    const run = await runCli(['verify', cliBundle, '--hash', sealHash], storeEnv(original));
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`${cliBundle}: sound`);
    expect(run.stdout).toContain('3 member keys, each opened with BUNDLE_PASSPHRASE');
    const fingerprint = keyFingerprint(await signingKeyOf(originalReadModels));
    expect(run.stdout).toContain(
      `signed by coop ${COOP_ID}, key ${fingerprint}: the key expected by the consortium's registry`,
    );
    const byKey = await runCli(['verify', httpBundle, '--expect-key', fingerprint], {});
    expect(byKey).toMatchObject({ code: 0 });
    expect(byKey.stdout).toContain(`key ${fingerprint}: the key expected by --expect-key`);
  });

  it('the consortium’s bundle names the consortium; the registry holds no key for it, --expect-key does', async () => {
    const board = file('board.ndjson');
    const registry = await runCli(['verify', board], storeEnv(original));
    expect(registry.code).toBe(1);
    expect(registry.stderr).toMatch(
      /refused: it is signed by the consortium, whose key the registry does not hold/,
    );
    // The operator finds the consortium's key where the consortium keeps it.
    const shown = await runCli(
      ['bundle-key', '--app', 'consortium', '--schema', consortiumReadModels],
      { DATABASE_URL },
    );
    expect(shown).toMatchObject({ code: 0 });
    const fingerprint = /fingerprint ([0-9a-f]{64})/.exec(shown.stdout)![1];
    expect(fingerprint).toBe(keyFingerprint(await signingKeyOf(consortiumReadModels)));
    const byKey = await runCli(['verify', board, '--expect-key', fingerprint], {});
    expect(byKey).toMatchObject({ code: 0 });
    expect(byKey.stdout).toContain(`signed by the consortium, key ${fingerprint}`);
  });
});

describe('a tampered or forged bundle is refused by verify and by import, and nothing is written', () => {
  const lines = () => readFileSync(httpBundle, 'utf8').trimEnd().split('\n');
  const mallory = testSigner();
  /** The line edited, every hash recomputed, signed with mallory's key. */
  /** An event line as the edits below see it. */
  type EventLine = {
    type: string;
    actor: string;
    streamId: string;
    data: { amount: { hundredths: number } };
  };
  const byMallory = (name: string, line: number, edit: (l: EventLine) => void) =>
    write(
      name,
      forged(
        lines(),
        (parsed) => {
          edit(parsed[line - 1] as unknown as EventLine);
          return parsed;
        },
        mallory,
      )
        .trimEnd()
        .split('\n'),
    );
  const write = (name: string, parts: string[], ending = '\n') => {
    writeFileSync(file(name), parts.join('\n') + ending);
    return file(name);
  };
  const eventIdOn = (parts: string[], line: number) =>
    JSON.parse(parts[line - 1]).eventId as string;

  /** Verify and import with: the registry's key by default; mallory's, to reach the events. */
  type Case = { path: string; place: RegExp; expectKey?: 'mallory' | 'another coop' };
  const cases: [string, () => Case][] = [
    [
      'one byte changed in an event',
      () => {
        const parts = lines();
        const id = eventIdOn(parts, 4);
        parts[3] = parts[3].replace(
          /"actor":"(.)/,
          (_m, c: string) => `"actor":"${c === 'x' ? 'y' : 'x'}`,
        );
        return {
          path: write('edited.ndjson', parts),
          place: new RegExp(`line 4 \\(event #3, eventId ${id}\\): hash mismatch`),
        };
      },
    ],
    [
      'an event removed',
      () => {
        const parts = lines();
        parts.splice(5, 1);
        return {
          path: write('removed.ndjson', parts),
          place: /line 6 \(event #6, .*\): event #6 found where #5 was expected/,
        };
      },
    ],
    [
      'two events swapped',
      () => {
        const parts = lines();
        [parts[2], parts[3]] = [parts[3], parts[2]];
        return {
          path: write('swapped.ndjson', parts),
          place: /line 3 \(event #3, .*\): event #3 found where #2 was expected/,
        };
      },
    ],
    [
      'a line truncated',
      () => {
        const parts = lines().slice(0, 8);
        parts[7] = parts[7].slice(0, parts[7].length / 2);
        return {
          path: write('truncated.ndjson', parts, ''),
          place: /line 8: truncated: the last line is cut off/,
        };
      },
    ],
    [
      'the manifest’s count changed',
      () => {
        const parts = lines();
        parts[0] = parts[0].replace(
          /"eventCount":(\d+)/,
          (_m, n: string) => `"eventCount":${Number(n) - 1}`,
        );
        return { path: write('count.ndjson', parts), place: /line 1 \(manifest\): hash mismatch/ };
      },
    ],
    [
      'a line changed and every hash recomputed, without the coop’s key',
      () => {
        const parts = rehashed(lines(), (parsed) => {
          parsed[5].actor = 'mallory';
          return parsed;
        })
          .trimEnd()
          .split('\n');
        return {
          path: write('rehashed.ndjson', parts),
          place: new RegExp(
            `line ${parts.length} \\(signature\\): the signature is not one by the key the manifest names`,
          ),
        };
      },
    ],
    [
      'a line changed, re-hashed and signed with another key',
      () => ({
        path: byMallory('mallory.ndjson', 6, (line) => void (line.actor = 'mallory')),
        place: new RegExp(
          `line 1 \\(manifest\\): signed by coop ${COOP_ID} with key ${keyFingerprint(mallory.publicKey)}, not the expected key [0-9a-f]{64}: refused`,
        ),
      }),
    ],
    [
      'the coop’s own bundle, when another coop’s key is expected',
      () => ({
        path: httpBundle,
        place:
          /line 1 \(manifest\): signed by coop velo-solidaire with key [0-9a-f]{64}, not the expected key [0-9a-f]{64}: refused/,
        expectKey: 'another coop',
      }),
    ],
    [
      'an unknown event type',
      () => ({
        path: byMallory('unknown-type.ndjson', 6, (line) => void (line.type = 'MoneyPrinted')),
        place: /line 6 \(event #5, .*\): unknown event type "MoneyPrinted"/,
        expectKey: 'mallory',
      }),
    ],
    [
      'an amount beyond the bound',
      () => {
        const at = lines().findIndex((l) => JSON.parse(l).type === 'CapitalPaid') + 1;
        return {
          path: byMallory('amount.ndjson', at, (line) => void (line.data.amount.hundredths = 1e30)),
          place: new RegExp(
            `line ${at} \\(event #${at - 1}, .*\\): CapitalPaid: data\\.amount\\.hundredths must be a whole number of hundredths from 0 to 99999999999, not 1e\\+30`,
          ),
          expectKey: 'mallory',
        };
      },
    ],
    [
      'a NUL in a string',
      () => ({
        path: byMallory('nul.ndjson', 3, (line) => void (line.actor = 'admin\u0000')),
        place: /line 3 \(event #2, .*\): actor holds a NUL character/,
        expectKey: 'mallory',
      }),
    ],
    [
      'an event in another coop’s stream',
      () => {
        const at = lines().findIndex((l) => JSON.parse(l).type === 'MemberAdmitted') + 1;
        return {
          path: byMallory('foreign.ndjson', at, (line) => {
            line.streamId = line.streamId.replace(`coop/${COOP_ID}/`, 'coop/casa-comune/');
          }),
          place: new RegExp(
            `line ${at} \\(event #${at - 1}, .*\\): stream coop/casa-comune/member/.* belongs to coop casa-comune, not to ${COOP_ID}`,
          ),
          expectKey: 'mallory',
        };
      },
    ],
  ];

  it.each(cases)('%s', async (_name, tamper) => {
    const { path, place, expectKey } = tamper();
    // Imported into the store the coop's history is in: its events counted before and after.
    const before = await storedEvents(original);
    const key =
      expectKey === 'mallory'
        ? ['--expect-key', keyFingerprint(mallory.publicKey)]
        : expectKey === 'another coop'
          ? ['--expect-key', keyFingerprint(testSigner().publicKey)]
          : ['--expect-key', keyFingerprint(await signingKeyOf(originalReadModels))];
    const [verified, registry, imported] = await Promise.all([
      runCli(['verify', path, ...key], {}),
      // Without --expect-key: the key the registry recorded at the coop's admission.
      expectKey ? undefined : runCli(['verify', path], storeEnv(original)),
      runCli(['import', path, ...key, '--schema', originalReadModels], storeEnv(original)),
    ]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(new RegExp(`^${path} is broken: ${place.source}`));
    if (registry) {
      expect(registry.code).toBe(1);
      expect(registry.stderr).toMatch(new RegExp(`^${path} is broken: ${place.source}`));
    }
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      new RegExp(`^${path} refused, nothing written: ${place.source}`),
    );
    expect(await storedEvents(original)).toBe(before);
  });

  it('an import refused leaves not even an empty schema behind', async () => {
    const target = new TestSchemas();
    refusedTargets.push(target);
    const targetReadModels = target.readModels();
    const path = byMallory('nothing.ndjson', 6, (line) => void (line.type = 'MoneyPrinted'));
    const imported = await runCli(['import', path, '--schema', targetReadModels], storeEnv(target));
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/refused, nothing written: line 6 .*unknown event type/);
    expect(await schemaExists(target.eventStore)).toBe(false);
    expect(await schemaExists(targetReadModels)).toBe(false);
  });
});

describe('import', () => {
  it('npm run cli -- import puts the coop’s streams and member keys into a fresh store; twice changes nothing', async () => {
    const coopEvents = linesOf(httpBundle).filter(
      (l) => l.kind === 'event' && l.streamId.startsWith(`coop/${COOP_ID}/`),
    ).length;
    const first = await runCli(
      ['import', httpBundle, '--schema', freshReadModels],
      storeEnv(fresh),
    );
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(
      `imported ${COOP_ID}: ${coopEvents} events appended, 0 already there`,
    );
    expect(first.stdout).toContain(
      '1 consortium events about the coop verified and kept in the bundle only',
    );
    expect(first.stdout).toContain('member keys: 3 saved, 0 already there');

    const second = await runCli(
      ['import', httpBundle, '--schema', freshReadModels],
      storeEnv(fresh),
    );
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain(
      `imported ${COOP_ID}: 0 events appended, ${coopEvents} already there`,
    );
    expect(second.stdout).toContain('member keys: 0 saved, 3 already there');
    expect(await storedEvents(fresh)).toBe(coopEvents);
  });

  it('the coop app started on the imported store answers exactly as before the export', async () => {
    importedApp = await startApp(APP_ENTRY.coop, fresh, {
      COOP_ID,
      DATABASE_SCHEMA: freshReadModels,
    });
    const after = await eventually(async () => {
      const state = await snapshot(admin(importedApp!));
      expect(state).toEqual(before);
      return state;
    }, 20_000);
    expect(
      after.members
        .filter((m) => m.displayName !== null)
        .map((m) => m.displayName)
        .sort(),
    ).toEqual([PEOPLE[0], PEOPLE[1], PEOPLE[3]].map((p) => p.displayName).sort());
  });
});
