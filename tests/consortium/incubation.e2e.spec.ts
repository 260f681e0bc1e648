import { createdId, queryEvents } from '../coop/coop-app';
import { expectProblem, expectRuleViolation } from '../coop/problem-assertions';
import { eventually, TestSchemas } from '../support/apps';
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
