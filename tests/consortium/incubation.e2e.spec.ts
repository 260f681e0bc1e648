import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { tokenFor } from '../support/apps';
import { checkedFetch } from '../support/openapi-conformance';
import { keyFingerprint } from '@libs/portability';
import { createdId, queryEvents } from '../coop/coop-app';
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
    const response = await checkedFetch(consortium.app.url, `/projects/${projectId}/export`, {
      headers: { authorization: `Bearer ${tokenFor({ sub: 'board-1', role: 'board-member' })}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
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
    const path = join(mkdtempSync(join(tmpdir(), 'incubation-')), 'project.ndjson');
    writeFileSync(path, text);
    const fingerprint = await consortiumKeyFingerprint();
    const verified = await runCli(['verify', path, '--expect-key', fingerprint], {});
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`signed by the consortium, key ${fingerprint}`);
    // The new coop's import accepts it, all verified: the events are the consortium's about the
    // coop, which stay in the consortium's streams (the coop's store takes only its own streams).
    const target = new TestSchemas();
    try {
      const imported = await runCli(
        ['import', path, '--expect-key', fingerprint, '--without-personal-data'],
        { DATABASE_URL, EVENT_STORE_URL: DATABASE_URL, EVENT_STORE_SCHEMA: target.eventStore },
      );
      expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
      expect(imported.stdout).toContain(`imported ${NEW_COOP}`);
      expect(imported.stdout).toContain('14 consortium events about the coop verified');
    } finally {
      await target.drop();
    }
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
  });
});
