import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { tokenFor } from '../support/apps';
import { checkedFetch } from '../support/openapi-conformance';
import { keyFingerprint } from '@libs/portability';
import { coopAdminToken, CoopUnderTest, createdId, queryEvents, startCoop } from '../coop/coop-app';
import { runCli } from '../portability/operator-cli';
import { expectProblem, expectRuleViolation } from '../coop/problem-assertions';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { ConsortiumUnderTest, daysAgo, expectStatus, startConsortium } from './consortium-app';
import { appendToStore, registryEvents } from './federation-events';

// Issue 19: the consortium incubates citizen projects until they become coops, on real
// PostgreSQL through the real consortium app.
jest.setTimeout(120_000);

const VELO = 'velo-solidaire';
const HABITAT = 'habitat-partage';
const CONTACT = 'Giulia Incubata-Rossi';
const schemas = new TestSchemas();
let consortium: ConsortiumUnderTest;
let projectId: string;

beforeAll(async () => {
  consortium = await startConsortium(schemas);
  await appendToStore(
    schemas,
    [VELO, HABITAT].map((coopId) => registryEvents.coopAdmitted(coopId, 'scop')),
  );
  await eventually(async () => {
    const coops = await consortium.board()<{ items: unknown[] }>('GET', '/coops?status=admitted');
    expect(coops.body.items).toHaveLength(2);
  });
});

afterAll(async () => {
  await newCoop?.app.stop();
  await consortium?.app.stop();
  await schemas.drop();
});

interface Summary {
  projectId: string;
  stage: string;
  daysPerStage: Record<string, number>;
  fundsHeld: Record<string, string>;
  hoursReceived: { total: string; byCoop: Record<string, string> };
}
type Pipeline = { byStage: Record<string, Summary[]>; byTheme: Record<string, unknown> };

const project = (id = projectId) =>
  consortium.auditor<Summary & { contact: { name: string } | null; funds: unknown[] }>(
    'GET',
    `/projects/${id}`,
  );

async function countEvents(sql: string, params: unknown[]): Promise<number> {
  const [row] = await queryEvents<{ n: number }>(
    schemas,
    (events) => `SELECT count(*)::int AS n FROM ${events} WHERE ${sql}`,
    params,
  );
  return row.n;
}

describe('a project from idea to constitution', () => {
  it('is taken in with its contact sealed: the name is nowhere in the events table', async () => {
    projectId = createdId(
      await consortium.board()('POST', '/projects', {
        name: 'Ciclofficina di Barriera',
        themes: ['mobility', 'work'],
        territory: 'Torino',
        stage: 'idea',
        on: daysAgo(60),
        contact: { name: CONTACT, email: 'giulia@example.org' },
      }),
      'projectId',
    );
    expect(await countEvents(`data::text LIKE $1`, [`%Incubata%`])).toBe(0);
    expect(await countEvents(`type = 'ProjectOpened'`, [])).toBe(1);
    const one = await eventually(async () => expectStatus(project(), 200));
    expect(one.body).toMatchObject({
      stage: 'idea',
      contact: { name: CONTACT, email: 'giulia@example.org' },
    });
  });

  it('refuses bad input naming the field, and writers other than the board', async () => {
    expectProblem(
      await consortium.board()('POST', '/projects', {
        name: 'x',
        themes: ['space'],
        territory: 'Torino',
        stage: 'idea',
      }),
      400,
    );
    expectProblem(
      await consortium.board()('POST', `/projects/${projectId}/stage`, {
        stage: 'dream',
        on: daysAgo(1),
      }),
      400,
    );
    expectProblem(
      await consortium.auditor('POST', `/projects/${projectId}/stage`, {
        stage: 'study',
        on: daysAgo(1),
      }),
      403,
    );
    expectProblem(await consortium.coopAdmin(VELO)('GET', '/projects'), 403);
  });

  it('moves idea → study → constitution with dates; the pipeline shows the days in each stage', async () => {
    await expectStatus(
      consortium.board()('POST', `/projects/${projectId}/stage`, {
        stage: 'study',
        on: daysAgo(40),
      }),
    );
    expectRuleViolation(
      await consortium.board()('POST', `/projects/${projectId}/stage`, {
        stage: 'constitution',
        on: daysAgo(41),
      }),
      'project_stage_before_previous',
    );
    await expectStatus(
      consortium.board()('POST', `/projects/${projectId}/stage`, {
        stage: 'constitution',
        on: daysAgo(10),
      }),
    );
    await eventually(async () => {
      const pipeline = await consortium.auditor<Pipeline>('GET', '/projects');
      expect(pipeline.body.byStage.idea).toEqual([]);
      expect(pipeline.body.byStage.constitution).toEqual([
        expect.objectContaining({
          projectId,
          stage: 'constitution',
          daysPerStage: { idea: 20, study: 30, constitution: 10 },
        }),
      ]);
      expect(pipeline.body.byTheme).toEqual({
        mobility: { idea: 0, study: 0, constitution: 1 },
        work: { idea: 0, study: 0, constitution: 1 },
      });
    });
  });
});

describe('support and funds', () => {
  it('counts hours two coops gave the project in their hours given in the pooled means', async () => {
    const before = await consortium.board()<{
      byCoop: { coopId: string; unit: string; paid: string }[];
    }>('GET', '/pooled-means');
    const hoursOf = (lines: { coopId: string; unit: string; paid: string }[], coopId: string) =>
      lines.find((line) => line.coopId === coopId && line.unit === 'hours')?.paid ?? '0.00';
    expect(hoursOf(before.body.byCoop, VELO)).toBe('0.00');
    for (const [byCoopId, hours, kind] of [
      [VELO, '12.5', 'mentoring'],
      [HABITAT, '4', 'hosting'],
      [VELO, '1.25', 'training'],
    ]) {
      await expectStatus(
        consortium.board()('POST', `/projects/${projectId}/support`, { kind, hours, byCoopId }),
      );
    }
    await expectStatus(
      consortium.board()('POST', `/projects/${projectId}/support`, {
        kind: 'funding',
        amount: { amount: '500.00', currency: 'EUR' },
      }),
    );
    expectProblem(
      await consortium.board()('POST', `/projects/${projectId}/support`, { kind: 'mentoring' }),
      400,
    );
    await eventually(async () => {
      const pooled = await consortium.board()<{
        byCoop: { coopId: string; unit: string; paid: string }[];
      }>('GET', '/pooled-means');
      expect(hoursOf(pooled.body.byCoop, VELO)).toBe('13.75');
      expect(hoursOf(pooled.body.byCoop, HABITAT)).toBe('4.00');
      const one = await project();
      expect(one.body.hoursReceived).toEqual({
        total: '17.75',
        byCoop: { [VELO]: '13.75', [HABITAT]: '4.00' },
      });
    });
  });

  it('holds funds exactly per currency and never below zero: 422 and nothing written', async () => {
    const move = (direction: string, amount: string) =>
      consortium.board()('POST', `/projects/${projectId}/funds`, {
        direction,
        amount: { amount, currency: 'EUR' },
        on: daysAgo(5),
        counterpart: 'Fondazione di comunità',
      });
    for (let i = 0; i < 3; i++) await expectStatus(move('in', '999999999.99'));
    await expectStatus(move('out', '0.99'));
    await expectStatus(move('out', '999999999.99'));
    await expectStatus(move('out', '999999999.99'));
    const countMoves = () => countEvents(`type = 'ProjectFundsMoved'`, []);
    const written = await countMoves();
    expectRuleViolation(await move('out', '999999999.01'), 'project_funds_insufficient');
    expect(await countMoves()).toBe(written);
    await eventually(async () => {
      const one = await project();
      expect(one.body.fundsHeld).toEqual({ EUR: '999999999.00' });
      expect(one.body.funds).toHaveLength(6);
    });
  });
});

const NEW_COOP = 'ciclofficina-barriera';
let newCoop: CoopUnderTest;
let bundlePath: string;
let bundleKey: string;
const graduatedOn = daysAgo(0);

/** The graduated project's bundle as the board downloads it, saved for the new coop's operator. */
async function exportedBundle(): Promise<{ text: string; path: string }> {
  const response = await checkedFetch(consortium.app.url, `/projects/${projectId}/export`, {
    headers: { authorization: `Bearer ${tokenFor({ sub: 'board-1', role: 'board-member' })}` },
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  const path = join(mkdtempSync(join(tmpdir(), 'incubation-')), 'project.ndjson');
  writeFileSync(path, text);
  return { text, path };
}

async function consortiumKeyFingerprint(): Promise<string> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ public_key: string }>(
      `SELECT public_key FROM "${consortium.readModels}".bundle_signing_key`,
    );
    return keyFingerprint(rows[0].public_key);
  } finally {
    await client.end();
  }
}

describe('graduation', () => {
  it('has no bundle before the project graduates', async () => {
    expectRuleViolation(
      await consortium.board()('GET', `/projects/${projectId}/export`),
      'project_not_graduated',
    );
  });

  it('makes the project a coop: an applicant in the registry with its pre-history', async () => {
    await expectStatus(
      consortium.board()('POST', `/projects/${projectId}/graduation`, {
        coopId: NEW_COOP,
        legalForm: 'social_coop_b',
        on: graduatedOn,
      }),
    );
    expectRuleViolation(
      await consortium.board()('POST', `/projects/${projectId}/funds`, {
        direction: 'out',
        amount: { amount: '1.00', currency: 'EUR' },
        on: daysAgo(0),
        counterpart: 'late',
      }),
      'project_graduated',
    );
    await eventually(async () => {
      const coop = await expectStatus(consortium.auditor('GET', `/coops/${NEW_COOP}`), 200);
      expect(coop.body).toMatchObject({
        coopId: NEW_COOP,
        status: 'applicant',
        legalForm: 'social_coop_b',
        name: 'Ciclofficina di Barriera',
        incubation: {
          projectId,
          hoursReceived: { total: '17.75' },
          fundsHeld: { EUR: '999999999.00' },
          daysPerStage: { idea: 20, study: 30, constitution: 10 },
          graduation: { coopId: NEW_COOP, legalForm: 'social_coop_b' },
        },
      });
      const pipeline = await consortium.auditor<Pipeline & { graduated: Summary[] }>(
        'GET',
        '/projects',
      );
      expect(pipeline.body.byStage.constitution).toEqual([]);
      expect(pipeline.body.graduated).toEqual([expect.objectContaining({ projectId })]);
    });
  });

  it('gives the project’s history as a bundle the CLI verifies with the consortium’s key', async () => {
    const { text, path } = await exportedBundle();
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      kind: 'manifest',
      coopId: NEW_COOP,
      signer: { party: 'consortium' },
    });
    expect(lines.filter((line) => line.kind === 'event').map((line) => line.type)).toEqual([
      'ProjectOpened',
      'ProjectStageChanged',
      'ProjectStageChanged',
      ...Array(4).fill('ProjectSupported'),
      ...Array(6).fill('ProjectFundsMoved'),
      'ProjectGraduated',
    ]);
    const fingerprint = await consortiumKeyFingerprint();
    const verified = await runCli(['verify', path, '--expect-key', fingerprint], {});
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`signed by the consortium, key ${fingerprint}`);
    bundlePath = path;
    bundleKey = fingerprint;
  });
});

interface CoopProfile {
  consortiumStatus: string;
  incubation: Record<string, unknown> | null;
}

/** The new coop's operator imports the bundle into the store its app runs on. */
const importBundle = (...flags: string[]) => importBundleFrom(bundlePath, ...flags);
const importBundleFrom = (path: string, ...flags: string[]) =>
  runCli(['import', path, ...flags], {
    DATABASE_URL,
    EVENT_STORE_URL: DATABASE_URL,
    EVENT_STORE_SCHEMA: schemas.eventStore,
    DATABASE_SCHEMA: newCoop.readModels,
  });

describe('the coop it became, on its own app', () => {
  beforeAll(async () => {
    newCoop = await startCoop(schemas, NEW_COOP);
  });

  it('takes no pre-history from a bundle whose signer nobody checked', async () => {
    const imported = await importBundle();
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toContain(`pre-history of project ${projectId} NOT recorded`);
    const profile = await expectStatus(newCoop.admin<CoopProfile>('GET', '/coop'), 200);
    expect(profile.body.incubation).toBeNull();
  });

  it('imports the bundle: its app shows its pre-history; importing again writes nothing', async () => {
    const consortiumEvents = () => countEvents(`stream_id LIKE 'consortium/%'`, []);
    const before = await consortiumEvents();
    const imported = await importBundle('--expect-key', bundleKey);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toContain(`imported ${NEW_COOP}`);
    expect(imported.stdout).toContain('14 consortium events about the coop verified');
    expect(imported.stdout).toContain(
      `pre-history of project ${projectId} (Ciclofficina di Barriera) recorded as the coop's own`,
    );
    const profile = await expectStatus(newCoop.admin<CoopProfile>('GET', '/coop'), 200);
    expect(profile.body.incubation).toEqual({
      projectId,
      name: 'Ciclofficina di Barriera',
      themes: ['mobility', 'work'],
      territory: 'Torino',
      stages: [
        { stage: 'idea', from: daysAgo(60), to: daysAgo(40) },
        { stage: 'study', from: daysAgo(40), to: daysAgo(10) },
        { stage: 'constitution', from: daysAgo(10), to: graduatedOn },
      ],
      daysPerStage: { idea: 20, study: 30, constitution: 10 },
      support: [
        expect.objectContaining({ kind: 'mentoring', hours: '12.50', byCoopId: VELO }),
        expect.objectContaining({ kind: 'hosting', hours: '4.00', byCoopId: HABITAT }),
        expect.objectContaining({ kind: 'training', hours: '1.25', byCoopId: VELO }),
        expect.objectContaining({
          kind: 'funding',
          hours: null,
          amount: { amount: '500.00', currency: 'EUR' },
          byCoopId: null,
        }),
      ],
      hoursReceived: { total: '17.75', byCoop: { [VELO]: '13.75', [HABITAT]: '4.00' } },
      funds: expect.arrayContaining([
        expect.objectContaining({
          direction: 'in',
          amount: { amount: '999999999.99', currency: 'EUR' },
          counterpart: 'Fondazione di comunità',
        }),
      ]),
      fundsHandedOver: { EUR: '999999999.00' },
      graduation: { legalForm: 'social_coop_b', graduatedOn },
      receivedOn: daysAgo(0),
      bundle: { sealHash: expect.stringMatching(/^[0-9a-f]{64}$/), signedBy: bundleKey },
    });
    expect(profile.body.incubation!.funds).toHaveLength(6);

    const again = await importBundle('--expect-key', bundleKey);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toContain(
      `pre-history of project ${projectId} (Ciclofficina di Barriera) already recorded`,
    );
    expect(await countEvents(`type = 'IncubationHistoryReceived'`, [])).toBe(1);
    expect(
      await countEvents(`type = 'IncubationHistoryReceived' AND stream_id = $1`, [
        `coop/${NEW_COOP}/incubation/${NEW_COOP}`,
      ]),
    ).toBe(1);
    // The consortium's streams are the consortium's: the imports wrote nothing there.
    expect(await consortiumEvents()).toBe(before);
  });

  it('applies, and the board admits it: its pre-history on its page, its supporters’ hours given', async () => {
    await expectStatus(
      newCoop.admin('PUT', '/coop', {
        name: 'Ciclofficina di Barriera',
        legalForm: 'social_coop_b',
        themes: ['mobility', 'work'],
        territory: 'Torino, Barriera di Milano',
      }),
      200,
    );
    await expectStatus(newCoop.admin('POST', '/consortium/application'), 201);
    await expectStatus(consortium.board()('POST', `/coops/${NEW_COOP}/admission`, {}));
    await eventually(async () => {
      const coop = await expectStatus(consortium.auditor('GET', `/coops/${NEW_COOP}`), 200);
      // The coop's own record of its pre-history is no event any consortium view takes up.
      expect(coop.headers.get('parked-events')).toBeNull();
      expect(coop.body).toMatchObject({
        coopId: NEW_COOP,
        status: 'admitted',
        territory: 'Torino, Barriera di Milano',
        incubation: {
          projectId,
          name: 'Ciclofficina di Barriera',
          hoursReceived: { total: '17.75', byCoop: { [VELO]: '13.75', [HABITAT]: '4.00' } },
          fundsHeld: { EUR: '999999999.00' },
          daysPerStage: { idea: 20, study: 30, constitution: 10 },
          graduation: { coopId: NEW_COOP, legalForm: 'social_coop_b', graduatedOn },
        },
      });
      const pooled = await consortium.board()<{
        byCoop: { coopId: string; unit: string; paid: string }[];
      }>('GET', '/pooled-means');
      const hoursOf = (coopId: string) =>
        pooled.body.byCoop.find((line) => line.coopId === coopId && line.unit === 'hours')?.paid;
      expect([hoursOf(VELO), hoursOf(HABITAT)]).toEqual(['13.75', '4.00']);
    });
    // The coop's own app follows the board's decision about it, and keeps its pre-history.
    await eventually(async () => {
      const own = await expectStatus(newCoop.admin<CoopProfile>('GET', '/coop'), 200);
      expect(own.body).toMatchObject({
        consortiumStatus: 'admitted',
        incubation: { projectId, fundsHandedOver: { EUR: '999999999.00' } },
      });
    });
  });
});

describe('the coop’s own bundle', () => {
  it('carries its pre-history as one of the coop’s own events, and verify accepts it', async () => {
    const response = await checkedFetch(newCoop.app.url, '/export', {
      headers: { authorization: `Bearer ${coopAdminToken(NEW_COOP)}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; type?: string; streamId?: string })
      .filter((line) => line.kind === 'event');
    expect(events.filter((event) => event.type === 'IncubationHistoryReceived')).toEqual([
      expect.objectContaining({ streamId: `coop/${NEW_COOP}/incubation/${NEW_COOP}` }),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'incubated-coop-')), 'coop.ndjson');
    writeFileSync(path, text);
    const verified = await runCli(['verify', path], {});
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`${path}: sound`);
  });
});

describe('the contact person', () => {
  it('is unreadable after erasure, and stays out of the events table', async () => {
    await expectStatus(consortium.board()('DELETE', `/projects/${projectId}/contact`), 204);
    await eventually(async () => {
      const one = await project();
      expect(one.body.contact).toBeNull();
      expect(JSON.stringify(one.body)).not.toContain('Incubata');
    });
    expect(await countEvents(`data::text LIKE $1`, [`%Incubata%`])).toBe(0);
    expect(await countEvents(`type = 'ProjectContactErased'`, [])).toBe(1);
    // Nor in the coop it became: its pre-history never held the contact.
    const own = await expectStatus(newCoop.admin<CoopProfile>('GET', '/coop'), 200);
    expect(own.body.incubation).not.toBeNull();
    expect(JSON.stringify(own.body)).not.toMatch(/Incubata|giulia@/);
    // A bundle exported after the erasure holds one more event, and changes nothing for the coop.
    const later = await exportedBundle();
    expect(later.text).toContain('ProjectContactErased');
    const again = await importBundleFrom(later.path, '--expect-key', bundleKey);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toContain('already recorded');
    expect(await countEvents(`type = 'IncubationHistoryReceived'`, [])).toBe(1);
  });
});
