import { eventually, TestSchemas } from '../support/apps';
import { CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { admission, contribution, eur, PROFILE, resource, sol } from '../coop/sample-requests';
import { ConsortiumUnderTest, daysAgo, expectStatus, startConsortium } from './consortium-app';

// The consortium's read side over HTTP (the public API, consortium app): a coop app and the consortium
// app as real processes on one event store. The coop describes itself, applies, admits members,
// contributes in EUR, SOL and hours, shares resources; then the board, an auditor and coop admins
// read what the consortium made of it. The board admits the coop first: only a member's
// contributions count.
const COOP_ID = 'velo-solidaire';
const schemas = new TestSchemas();
let coop: CoopUnderTest;
let consortium: ConsortiumUnderTest;

const board = () => consortium.board();
const auditor = () => consortium.auditor;
const coopAdmin = () => consortium.coopAdmin(COOP_ID);
const notOnTheBoard = () => consortium.notOnTheBoard;
const yesterday = () => daysAgo(1);

beforeAll(async () => {
  [coop, consortium] = await Promise.all([startCoop(schemas, COOP_ID), startConsortium(schemas)]);

  await expectStatus(coop.admin('PUT', '/coop', PROFILE), 200);
  await expectStatus(coop.admin('POST', '/consortium/application'));
  await expectStatus(board()('POST', `/coops/${COOP_ID}/admission`, {}));

  // Two workers (one disadvantaged) and a volunteer; one worker pays up 50 EUR.
  const worker = createdId(
    await coop.admin('POST', '/members', admission({ disadvantaged: true })),
    'memberId',
  );
  createdId(await coop.admin('POST', '/members', admission()), 'memberId');
  createdId(await coop.admin('POST', '/members', admission({ category: 'volunteer' })), 'memberId');
  await expectStatus(
    coop.admin('POST', `/members/${worker}/payments`, {
      paidOn: '2025-02-01',
      amount: eur('50.00'),
    }),
  );

  // 120.50 EUR dues paid, 300 EUR EU call pledged, 20 SOL donation pledged then paid, 3.5 hours.
  createdId(await coop.admin('POST', '/contributions', contribution()), 'contributionId');
  createdId(
    await coop.admin(
      'POST',
      '/contributions',
      contribution({ kind: 'eu_call', amount: eur('300.00'), status: 'pledged', theme: 'work' }),
    ),
    'contributionId',
  );
  const solPledge = createdId(
    await coop.admin(
      'POST',
      '/contributions',
      contribution({ kind: 'donation', amount: sol('20.00'), status: 'pledged' }),
    ),
    'contributionId',
  );
  await expectStatus(coop.admin('POST', `/contributions/${solPledge}/payment`, {}));
  createdId(
    await coop.admin(
      'POST',
      '/contributions',
      contribution({ kind: 'volunteering', amount: undefined, time: { hours: '3.5' } }),
    ),
    'contributionId',
  );

  // A cargo bike on offer; a skill shared then withdrawn.
  createdId(await coop.admin('POST', '/resources', resource()), 'resourceId');
  const skill = createdId(
    await coop.admin(
      'POST',
      '/resources',
      resource({ kind: 'skill', title: 'Bike repair training', themes: ['work'] }),
    ),
    'resourceId',
  );
  await expectStatus(coop.admin('DELETE', `/resources/${skill}`), 204);
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.app.stop()]);
  await schemas.drop();
});

describe('the board reads the consortium', () => {
  it('sees the admitted coop with its members, capital and contributions', async () => {
    const list = await eventually(async () => {
      const res = await board()('GET', '/coops');
      expect(res).toMatchObject({ status: 200, body: { items: [{ status: 'admitted' }] } });
      return res.body as { items: unknown[]; nextCursor: string | null };
    });
    const coopView = {
      coopId: COOP_ID,
      status: 'admitted',
      name: PROFILE.name,
      legalForm: PROFILE.legalForm,
      themes: PROFILE.themes,
      territory: PROFILE.territory,
      admissionOverride: null,
      members: {
        total: 3,
        byCategory: expect.objectContaining({ worker: 2, volunteer: 1 }),
        disadvantagedWorkers: 1,
      },
      capital: { subscribed: eur('600.00'), paid: eur('50.00') },
      contributions: [
        { unit: 'EUR', pledged: '300.00', paid: '120.50' },
        { unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
    };
    await eventually(async () => {
      expect(await board()('GET', `/coops/${COOP_ID}`)).toMatchObject({
        status: 200,
        body: coopView,
      });
    });
    expect(list.nextCursor).toBeNull();
    expect(await board()('GET', '/coops/no-such-coop')).toMatchObject({ status: 404 });
  });

  it('sees the pooled means to the cent, today and as of yesterday', async () => {
    const body = await eventually(async () => {
      const res = await board()('GET', '/pooled-means');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        totals: [
          { unit: 'EUR', pledged: '300.00', paid: '120.50' },
          { unit: 'SOL', pledged: '0.00', paid: '20.00' },
          { unit: 'hours', pledged: '0.00', paid: '3.50' },
        ],
      });
      return res.body as Record<string, unknown>;
    });
    expect(body).toMatchObject({
      asOf: new Date().toISOString().slice(0, 10),
      byPillar: [
        { pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { pillar: 'non_market', unit: 'EUR', pledged: '300.00', paid: '0.00' },
        { pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byCoop: [
        { coopId: COOP_ID, unit: 'EUR', pledged: '300.00', paid: '120.50' },
        { coopId: COOP_ID, unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { coopId: COOP_ID, unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byTheme: [
        { theme: 'mobility', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { theme: 'mobility', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { theme: 'mobility', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { theme: 'work', unit: 'EUR', pledged: '300.00', paid: '0.00' },
      ],
      byMonth: [
        { month: '2025-03', unit: 'EUR', pledged: '300.00', paid: '120.50' },
        { month: '2025-03', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { month: '2025-03', unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      // 20 SOL of 140.50 paid in money.
      solShare: '0.1423',
      nonMonetaryShare: '0.0000',
      alerts: [],
    });
    expect((body.byKind as { kind: string }[]).map((line) => line.kind)).toEqual([
      'donation',
      'dues',
      'eu_call',
      'volunteering',
    ]);

    const before = await board()('GET', `/pooled-means?asOf=${yesterday()}`);
    expect(before).toMatchObject({
      status: 200,
      body: {
        asOf: yesterday(),
        totals: [
          { unit: 'EUR', pledged: '0.00', paid: '0.00' },
          { unit: 'SOL', pledged: '0.00', paid: '0.00' },
          { unit: 'hours', pledged: '0.00', paid: '0.00' },
        ],
        byCoop: [],
        solShare: null,
      },
    });
  });

  it('refuses an asOf that is not a day, naming the field', async () => {
    const res = await board()('GET', '/pooled-means?asOf=2027-02-30');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ errors: [expect.objectContaining({ field: 'asOf' })] });
  });

  it('sees the resources on offer, filtered by kind and theme', async () => {
    const offered = await eventually(async () => {
      const res = await board()('GET', '/resources');
      expect(res).toMatchObject({ status: 200, body: { items: [{ kind: 'vehicle' }] } });
      return res.body;
    });
    expect(offered).toEqual({
      items: [
        {
          coopId: COOP_ID,
          coopName: PROFILE.name,
          resourceId: expect.any(String),
          kind: 'vehicle',
          title: 'Cargo bike with trailer',
          description: null,
          themes: ['mobility'],
          terms: { type: 'free' },
          sharedOn: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    expect((await board()('GET', '/resources?kind=skill')).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await board()('GET', '/resources?theme=work')).body).toMatchObject({ items: [] });
    expect(await board()('GET', '/resources?kind=castle')).toMatchObject({ status: 400 });
  });

  it('sees the model’s indicators, each with its threshold and legal source', async () => {
    const res = await board()('GET', '/compliance');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      consortium: [
        // One admitted coop: a consorzio needs three.
        expect.objectContaining({
          rule: 'at_least_three_member_coops',
          value: '1',
          status: 'alert',
        }),
        {
          rule: 'social_coops_at_least_70pct',
          value: '1.0000',
          threshold: '0.7000',
          status: 'ok',
          source: 'L. 381/1991 art. 8',
        },
        expect.objectContaining({ rule: 'sol_share_at_most_20pct', value: '0.1423', status: 'ok' }),
      ],
      coops: [
        {
          coopId: COOP_ID,
          indicators: [
            expect.objectContaining({
              rule: 'volunteers_at_most_half',
              value: '0.3333',
              status: 'ok',
            }),
            expect.objectContaining({
              rule: 'disadvantaged_workers_at_least_30pct',
              value: '0.5000',
              status: 'ok',
            }),
          ],
        },
      ],
    });
  });
});

describe('who may read what', () => {
  const READS = ['/coops', `/coops/${COOP_ID}`, '/pooled-means', '/resources', '/compliance'];

  it('lets an auditor read everything', async () => {
    for (const path of READS)
      expect([path, (await auditor()('GET', path)).status]).toEqual([path, 200]);
  });

  it('lets a member coop’s admin read the consortium’s figures and its own entry, not the list of coops', async () => {
    for (const path of READS) {
      const expected = path === '/coops' ? 403 : 200;
      expect([path, (await coopAdmin()('GET', path)).status]).toEqual([path, expected]);
    }
  });

  it('refuses a board-member token whose holder is not on the board', async () => {
    for (const path of READS) {
      expect([path, (await notOnTheBoard()('GET', path)).status]).toEqual([path, 403]);
    }
  });

  it('refuses a request without a token', async () => {
    const res = await consortium.anonymous('GET', '/pooled-means');
    expect(res.status).toBe(401);
  });
});
