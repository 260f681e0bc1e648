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
import { ApiClient, coopAdminToken } from '../coop/coop-app';
import { CoopHistory, liveAHistory, PEOPLE } from './coop-history';
import { runCli } from './operator-cli';

// Issue 6: a coop leaves with its complete, verifiable history. A coop app and the consortium app
// run as real processes on one store; the coop lives a history through its API; its bundle is
// exported over HTTP (both apps) and with the CLI, verified, tampered with five ways (each refused
// by verify and by import, nothing written), imported into a fresh store twice, and a coop app
// started on that store answers as the original did.
const COOP_ID = 'velo-solidaire';
const PASSPHRASE = 'we leave with our history';
const original = new TestSchemas();
const originalReadModels = original.readModels();
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
    startApp(APP_ENTRY.consortium, original, { BOARD_MEMBERS: 'board-1' }),
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
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return response;
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

async function storedEvents(schemas: TestSchemas): Promise<number> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "${schemas.eventStore}".events`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
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
    sealHash = /seal hash ([0-9a-f]{64})/.exec(run.stdout)![1];
    expect(eventIdsOf(cliBundle)).toEqual(eventIdsOf(httpBundle));
    expect(linesOf(cliBundle).at(-1)).toMatchObject({ kind: 'seal', hash: sealHash });
  });
});

describe('verify', () => {
  it('npm run cli -- verify accepts both bundles, opening every key with the passphrase', async () => {
    const run = await runCli(['verify', cliBundle, '--hash', sealHash], storeEnv(original));
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`${cliBundle}: sound`);
    expect(run.stdout).toContain('3 member keys, each opened with BUNDLE_PASSPHRASE');
    expect((await runCli(['verify', httpBundle], storeEnv(original))).code).toBe(0);
  });
});

describe('a tampered bundle is refused by verify and by import, and nothing is written', () => {
  const lines = () => readFileSync(httpBundle, 'utf8').trimEnd().split('\n');
  const write = (name: string, parts: string[], ending = '\n') => {
    writeFileSync(file(name), parts.join('\n') + ending);
    return file(name);
  };
  const eventIdOn = (parts: string[], line: number) =>
    JSON.parse(parts[line - 1]).eventId as string;

  const cases: [string, () => { path: string; place: RegExp }][] = [
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
  ];

  it.each(cases)('%s', async (_name, tamper) => {
    const { path, place } = tamper();
    const target = new TestSchemas();
    refusedTargets.push(target);
    const targetReadModels = target.readModels();
    const [verified, imported] = await Promise.all([
      runCli(['verify', path], storeEnv(original)),
      runCli(['import', path, '--schema', targetReadModels], storeEnv(target)),
    ]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(new RegExp(`^${path} is broken: ${place.source}`));
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      new RegExp(`^${path} refused, nothing written: ${place.source}`),
    );
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
