import {
  apiClient,
  APP_ENTRY,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { admission, contribution, eur, PROFILE, resource } from '../coop/sample-requests';

// A member coop leaves (issue 6): it asks, the board settles. The registry shows it withdrawn,
// its resources leave the catalogue, its open pledge is cancelled, and what it paid stays.
const COOP_ID = 'casa-comune';
const schemas = new TestSchemas();
let coop: CoopUnderTest;
let consortium: RunningApp;
const board = () => apiClient(consortium.url, tokenFor({ sub: 'board-1', role: 'board-member' }));

interface PooledMeans {
  totals: { unit: string; pledged: string; paid: string }[];
  byMonth: { month: string; unit: string; pledged: string; paid: string }[];
}

beforeAll(async () => {
  [coop, consortium] = await Promise.all([
    startCoop(schemas, COOP_ID),
    startApp(APP_ENTRY.consortium, schemas, { BOARD_MEMBERS: 'board-1' }),
  ]);
  expect(
    (await coop.admin('PUT', '/coop', { ...PROFILE, legalForm: 'social_coop_a' })).status,
  ).toBe(200);
  expect((await coop.admin('POST', '/consortium/application')).status).toBe(201);
  expect((await board()('POST', `/coops/${COOP_ID}/admission`, {})).status).toBe(201);
  createdId(await coop.admin('POST', '/members', admission()), 'memberId');
  createdId(
    await coop.admin('POST', '/contributions', contribution({ period: '2027-01' })),
    'contributionId',
  );
  createdId(
    await coop.admin(
      'POST',
      '/contributions',
      contribution({ period: '2027-02', kind: 'grant', amount: eur('300.00'), status: 'pledged' }),
    ),
    'contributionId',
  );
  createdId(await coop.admin('POST', '/resources', resource()), 'resourceId');
  await eventually(async () => {
    const { body } = await board()<{ items: unknown[] }>('GET', '/resources');
    expect(body.items).toHaveLength(1);
    const means = (await board()<PooledMeans>('GET', '/pooled-means')).body;
    expect(means.totals.find((line) => line.unit === 'EUR')?.pledged).toBe('300.00');
  });
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.stop()]);
  await schemas.drop();
});

describe('a member coop leaving the consortium', () => {
  it('is settled only once it has asked to leave', async () => {
    const early = await board()('POST', `/coops/${COOP_ID}/withdrawal/settlement`, {});
    expect(early.status).toBe(409);
  });

  it('is settled: withdrawn, out of the catalogue, its pledge cancelled, its payments kept', async () => {
    const before = (await board()<PooledMeans>('GET', '/pooled-means')).body;
    expect((await coop.admin('POST', '/consortium/withdrawal', { reason: 'merging' })).status).toBe(
      201,
    );

    const settled = await board()<Record<string, unknown>>(
      'POST',
      `/coops/${COOP_ID}/withdrawal/settlement`,
      {
        capitalOwed: eur('250.00'),
        settledOn: '2027-06-30',
      },
    );
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({
      coopId: COOP_ID,
      status: 'withdrawn',
      capitalOwed: { amount: '250.00', currency: 'EUR' },
      dueOn: '2028-10-27',
      openAllocations: [],
    });
    expect(settled.body.cancelledPledges).toHaveLength(1);
    expect(settled.body.withdrawnResources).toHaveLength(1);

    await eventually(async () => {
      expect((await board()<{ status: string }>('GET', `/coops/${COOP_ID}`)).body.status).toBe(
        'withdrawn',
      );
      expect((await board()<{ items: unknown[] }>('GET', '/resources')).body.items).toEqual([]);
      const after = (await board()<PooledMeans>('GET', '/pooled-means')).body;
      const eur = (lines: PooledMeans['byMonth'], month: string) =>
        lines.find((line) => line.month === month && line.unit === 'EUR');
      // The paid January dues stay exactly as they were; February's outstanding pledge is gone.
      expect(eur(after.byMonth, '2027-01')).toEqual(eur(before.byMonth, '2027-01'));
      expect(eur(after.byMonth, '2027-02')?.pledged ?? '0.00').toBe('0.00');
      expect(after.totals.find((line) => line.unit === 'EUR')?.paid).toBe(
        before.totals.find((line) => line.unit === 'EUR')?.paid,
      );
    });
  });

  it('is not settled twice', async () => {
    expect((await board()('POST', `/coops/${COOP_ID}/withdrawal/settlement`, {})).status).toBe(409);
  });
});
