import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@libs/event-store';
import { CoopUnderTest, createdId, queryEvents } from '../coop/coop-app';
import { expectRuleViolation } from '../coop/problem-assertions';
import { admission, eur, resource, sol } from '../coop/sample-requests';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import {
  ConsortiumUnderTest,
  CURRENT_YEAR,
  daysAgo,
  expectStatus,
  month,
  noonDaysAgo,
  startConsortium,
} from './consortium-app';
import { appendAll, coopEvents } from './federation-events';
import { applyToConsortium, contribute, HABITAT, startCoops, VELO } from './member-coops';

// Issue 4's acceptance, end to end: the consortium and two coop apps as real processes on one
// event store. Two coops describe themselves and apply; the board admits the social coop, is
// refused the SCIC by the 70% rule and admits it with an override; the coops admit members and
// contribute in EUR, SOL and hours, pledged and paid (two events recorded two days ago, as an
// older history would hold them); they share resources; the board opens this year's budget and
// votes on allocations. Every view is checked to the cent, and as of earlier days.
jest.setTimeout(120_000);

const schemas = new TestSchemas();
let velo: CoopUnderTest;
let habitat: CoopUnderTest;
let consortium: ConsortiumUnderTest;

const TODAY = daysAgo(0);
const PERIOD = CURRENT_YEAR;
const OVERRIDE_REASON = 'pilot housing coop, the board restores the quota within the year';

/** Ids the later steps need. */
const ids = {
  veloResource: '',
  habitatResource: '',
  allocations: { accounting: '', bikes: '', training: '', trip: '' },
};

beforeAll(async () => {
  [consortium, [velo, habitat]] = await Promise.all([
    startConsortium(schemas),
    startCoops(schemas, VELO, HABITAT),
  ]);
});

afterAll(async () => {
  await Promise.all([consortium?.app.stop(), velo?.app.stop(), habitat?.app.stop()]);
  await schemas.drop();
});

describe('a year of the federation, as the consortium sees it', () => {
  it('admits the social coop, refuses the SCIC by the 70% rule, then admits it with an override recorded with who and why', async () => {
    await applyToConsortium(velo, VELO);
    await applyToConsortium(habitat, HABITAT);
    const board = consortium.board();
    await eventually(async () => {
      const res = await board('GET', '/coops');
      expect(res.body).toMatchObject({
        items: [
          { coopId: HABITAT.coopId, status: 'applicant' },
          { coopId: VELO.coopId, status: 'applicant' },
        ],
      });
    });

    // Retried with its Idempotency-Key, the admission answers again instead of conflicting.
    const retried = { 'idempotency-key': randomUUID() };
    const admitted = await board('POST', `/coops/${VELO.coopId}/admission`, {}, retried);
    expect(admitted.body).toEqual({ coopId: VELO.coopId, status: 'admitted' });
    const again = await board('POST', `/coops/${VELO.coopId}/admission`, {}, retried);
    expect({ status: again.status, body: again.body }).toEqual({
      status: admitted.status,
      body: admitted.body,
    });
    // One social coop of two would be 50%.
    expectRuleViolation(
      await board('POST', `/coops/${HABITAT.coopId}/admission`, {}),
      'social_coops_at_least_70pct',
    );
    await expectStatus(
      consortium.board('board-2')('POST', `/coops/${HABITAT.coopId}/admission`, {
        override: { reason: OVERRIDE_REASON },
      }),
    );
    // Admitted once: a second admission conflicts with the registry.
    await expectStatus(board('POST', `/coops/${HABITAT.coopId}/admission`, {}), 409);

    await eventually(async () => {
      expect((await board('GET', `/coops/${HABITAT.coopId}`)).body).toMatchObject({
        status: 'admitted',
        admittedOn: TODAY,
        admissionOverride: {
          rule: 'social_coops_at_least_70pct',
          reason: OVERRIDE_REASON,
          by: 'board-2',
        },
      });
    });
  });

  it('takes in the coops’ members, capital, contributions and resources', async () => {
    // Velo: two workers (one disadvantaged, who pays up 50 EUR) and a volunteer, 4 × 50 EUR each.
    const disadvantaged = createdId(
      await velo.admin('POST', '/members', admission({ disadvantaged: true })),
      'memberId',
    );
    createdId(await velo.admin('POST', '/members', admission()), 'memberId');
    createdId(
      await velo.admin('POST', '/members', admission({ category: 'volunteer' })),
      'memberId',
    );
    await expectStatus(
      velo.admin('POST', `/members/${disadvantaged}/payments`, {
        paidOn: TODAY,
        amount: eur('50.00'),
      }),
    );

    // Habitat: a worker (4 × 50, pays up 100) and two beneficiaries (2 × 25), one of whom leaves.
    const worker = createdId(await habitat.admin('POST', '/members', admission()), 'memberId');
    const twoShares = { count: 2, nominalValue: eur('25.00') };
    createdId(
      await habitat.admin(
        'POST',
        '/members',
        admission({ category: 'beneficiary', shares: twoShares }),
      ),
      'memberId',
    );
    const leaving = createdId(
      await habitat.admin(
        'POST',
        '/members',
        admission({ category: 'beneficiary', shares: twoShares }),
      ),
      'memberId',
    );
    await expectStatus(
      habitat.admin('POST', `/members/${worker}/payments`, {
        paidOn: TODAY,
        amount: eur('100.00'),
      }),
    );
    await expectStatus(
      habitat.admin('POST', `/members/${leaving}/withdrawal`, { requestedOn: TODAY }),
    );

    // Two days ago (recorded then, as an older history holds them): Velo pledged 40 EUR of dues,
    // Habitat gave 2 hours of volunteering.
    const oldPledge = randomUUID();
    const store = new PostgresEventStore({
      connectionString: DATABASE_URL,
      schema: schemas.eventStore,
      poolSize: 1,
    });
    try {
      await appendAll(store, [
        coopEvents(VELO.coopId).contributionRecorded(
          oldPledge,
          { unit: 'EUR', hundredths: 4000 },
          { kind: 'dues', period: month('01'), status: 'pledged', occurredAt: noonDaysAgo(2) },
        ),
        coopEvents(HABITAT.coopId).contributionRecorded(
          randomUUID(),
          { unit: 'hours', hundredths: 200 },
          { period: month('03'), theme: 'housing', occurredAt: noonDaysAgo(2) },
        ),
      ]);
    } finally {
      await store.close();
    }

    // Today, through the coops' API.
    await contribute(velo, { kind: 'dues', amount: eur('120.50'), period: month('01') });
    await contribute(velo, {
      kind: 'eu_call',
      amount: eur('300.00'),
      period: month('02'),
      theme: 'work',
      status: 'pledged',
    });
    const solPledge = await contribute(velo, {
      kind: 'donation',
      amount: sol('20.00'),
      period: month('02'),
      status: 'pledged',
    });
    await contribute(velo, {
      kind: 'volunteering',
      amount: undefined,
      time: { hours: '3.5' },
      period: month('01'),
    });
    await contribute(habitat, {
      kind: 'sales',
      amount: eur('80.00'),
      period: month('02'),
      theme: 'housing',
    });
    const grant = await contribute(habitat, {
      kind: 'grant',
      amount: eur('1000.00'),
      period: month('03'),
      theme: 'civic',
      status: 'pledged',
    });
    await contribute(habitat, {
      kind: 'dues',
      amount: sol('10.00'),
      period: month('03'),
      theme: 'housing',
    });
    await contribute(habitat, {
      kind: 'skill_exchange',
      amount: undefined,
      time: { hours: '6' },
      period: month('03'),
      theme: 'housing',
      status: 'pledged',
    });
    await contribute(habitat, {
      kind: 'barter',
      amount: eur('15.00'),
      period: month('03'),
      theme: 'civic',
    });
    // Pledges paid later: the SOL donation, the grant, and the dues pledged two days ago.
    await expectStatus(velo.admin('POST', `/contributions/${solPledge}/payment`, {}));
    await expectStatus(habitat.admin('POST', `/contributions/${grant}/payment`, {}));
    await expectStatus(velo.admin('POST', `/contributions/${oldPledge}/payment`, {}));

    ids.veloResource = createdId(await velo.admin('POST', '/resources', resource()), 'resourceId');
    const skill = createdId(
      await velo.admin(
        'POST',
        '/resources',
        resource({ kind: 'skill', title: 'Bike repair training', themes: ['work'] }),
      ),
      'resourceId',
    );
    await expectStatus(velo.admin('DELETE', `/resources/${skill}`), 204);
    ids.habitatResource = createdId(
      await habitat.admin(
        'POST',
        '/resources',
        resource({
          kind: 'space',
          title: 'Meeting room for 30',
          description: 'Ground floor, step-free',
          themes: ['housing', 'civic'],
          terms: { type: 'at_cost', price: eur('15.00') },
        }),
      ),
      'resourceId',
    );
  });

  it('shows the pooled means to the cent: today, as of yesterday, and before anything', async () => {
    const board = consortium.board();
    const zero = { pledged: '0.00', paid: '0.00' };
    const today = await eventually(async () => {
      const res = await board('GET', '/pooled-means');
      expect(res.body).toMatchObject({
        totals: [
          { unit: 'EUR', pledged: '300.00', paid: '1255.50' },
          { unit: 'SOL', ...zero, paid: '30.00' },
          { unit: 'hours', pledged: '6.00', paid: '5.50' },
        ],
      });
      return res.body;
    });
    expect(today).toEqual({
      asOf: TODAY,
      totals: [
        { unit: 'EUR', pledged: '300.00', paid: '1255.50' },
        { unit: 'SOL', pledged: '0.00', paid: '30.00' },
        { unit: 'hours', pledged: '6.00', paid: '5.50' },
      ],
      byPillar: [
        { pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '240.50' },
        { pillar: 'market', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { pillar: 'non_market', unit: 'EUR', pledged: '300.00', paid: '1000.00' },
        { pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { pillar: 'non_monetary', unit: 'EUR', pledged: '0.00', paid: '15.00' },
        { pillar: 'non_monetary', unit: 'hours', pledged: '6.00', paid: '5.50' },
      ],
      byKind: [
        { kind: 'barter', unit: 'EUR', pledged: '0.00', paid: '15.00' },
        { kind: 'donation', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { kind: 'dues', unit: 'EUR', pledged: '0.00', paid: '160.50' },
        { kind: 'dues', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { kind: 'eu_call', unit: 'EUR', pledged: '300.00', paid: '0.00' },
        { kind: 'grant', unit: 'EUR', pledged: '0.00', paid: '1000.00' },
        { kind: 'sales', unit: 'EUR', pledged: '0.00', paid: '80.00' },
        { kind: 'skill_exchange', unit: 'hours', pledged: '6.00', paid: '0.00' },
        { kind: 'volunteering', unit: 'hours', pledged: '0.00', paid: '5.50' },
      ],
      byTheme: [
        { theme: 'civic', unit: 'EUR', pledged: '0.00', paid: '1015.00' },
        { theme: 'housing', unit: 'EUR', pledged: '0.00', paid: '80.00' },
        { theme: 'housing', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { theme: 'housing', unit: 'hours', pledged: '6.00', paid: '2.00' },
        { theme: 'mobility', unit: 'EUR', pledged: '0.00', paid: '160.50' },
        { theme: 'mobility', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { theme: 'mobility', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { theme: 'work', unit: 'EUR', pledged: '300.00', paid: '0.00' },
      ],
      byCoop: [
        { coopId: HABITAT.coopId, unit: 'EUR', pledged: '0.00', paid: '1095.00' },
        { coopId: HABITAT.coopId, unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { coopId: HABITAT.coopId, unit: 'hours', pledged: '6.00', paid: '2.00' },
        { coopId: VELO.coopId, unit: 'EUR', pledged: '300.00', paid: '160.50' },
        { coopId: VELO.coopId, unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { coopId: VELO.coopId, unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byMonth: [
        { month: month('01'), unit: 'EUR', pledged: '0.00', paid: '160.50' },
        { month: month('01'), unit: 'hours', pledged: '0.00', paid: '3.50' },
        { month: month('02'), unit: 'EUR', pledged: '300.00', paid: '80.00' },
        { month: month('02'), unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { month: month('03'), unit: 'EUR', pledged: '0.00', paid: '1015.00' },
        { month: month('03'), unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { month: month('03'), unit: 'hours', pledged: '6.00', paid: '2.00' },
      ],
      byMonthAndPillar: [
        { month: month('01'), pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '160.50' },
        { month: month('01'), pillar: 'non_monetary', unit: 'hours', ...zero, paid: '3.50' },
        { month: month('02'), pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '80.00' },
        { month: month('02'), pillar: 'non_market', unit: 'EUR', pledged: '300.00', paid: '0.00' },
        { month: month('02'), pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { month: month('03'), pillar: 'market', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { month: month('03'), pillar: 'non_market', unit: 'EUR', ...zero, paid: '1000.00' },
        { month: month('03'), pillar: 'non_monetary', unit: 'EUR', ...zero, paid: '15.00' },
        {
          month: month('03'),
          pillar: 'non_monetary',
          unit: 'hours',
          pledged: '6.00',
          paid: '2.00',
        },
      ],
      // 30 SOL of 1285.50 paid in money; 15 EUR of barter valued in money.
      solShare: '0.0233',
      nonMonetaryShare: '0.0117',
      nonMonetaryAim: { aim: '0.3333', share: '0.0117', reached: false, hours: '5.50' },
      alerts: [],
      notCounted: [],
    });

    // Yesterday the board could have seen only what was recorded two days ago: the pledge still
    // open, the hours given.
    expect((await board('GET', `/pooled-means?asOf=${daysAgo(1)}`)).body).toEqual({
      asOf: daysAgo(1),
      totals: [
        { unit: 'EUR', pledged: '40.00', paid: '0.00' },
        { unit: 'SOL', ...zero },
        { unit: 'hours', pledged: '0.00', paid: '2.00' },
      ],
      byPillar: [
        { pillar: 'market', unit: 'EUR', pledged: '40.00', paid: '0.00' },
        { pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '2.00' },
      ],
      byKind: [
        { kind: 'dues', unit: 'EUR', pledged: '40.00', paid: '0.00' },
        { kind: 'volunteering', unit: 'hours', pledged: '0.00', paid: '2.00' },
      ],
      byTheme: [
        { theme: 'housing', unit: 'hours', pledged: '0.00', paid: '2.00' },
        { theme: 'mobility', unit: 'EUR', pledged: '40.00', paid: '0.00' },
      ],
      byCoop: [
        { coopId: HABITAT.coopId, unit: 'hours', pledged: '0.00', paid: '2.00' },
        { coopId: VELO.coopId, unit: 'EUR', pledged: '40.00', paid: '0.00' },
      ],
      byMonth: [
        { month: month('01'), unit: 'EUR', pledged: '40.00', paid: '0.00' },
        { month: month('03'), unit: 'hours', pledged: '0.00', paid: '2.00' },
      ],
      byMonthAndPillar: [
        { month: month('01'), pillar: 'market', unit: 'EUR', pledged: '40.00', paid: '0.00' },
        { month: month('03'), pillar: 'non_monetary', unit: 'hours', ...zero, paid: '2.00' },
      ],
      solShare: null,
      nonMonetaryShare: null,
      nonMonetaryAim: { aim: '0.3333', share: null, reached: null, hours: '2.00' },
      alerts: [],
      notCounted: [],
    });

    expect((await board('GET', `/pooled-means?asOf=${daysAgo(3)}`)).body).toEqual({
      asOf: daysAgo(3),
      totals: [
        { unit: 'EUR', ...zero },
        { unit: 'SOL', ...zero },
        { unit: 'hours', ...zero },
      ],
      byPillar: [],
      byKind: [],
      byTheme: [],
      byCoop: [],
      byMonth: [],
      byMonthAndPillar: [],
      solShare: null,
      nonMonetaryShare: null,
      nonMonetaryAim: { aim: '0.3333', share: null, reached: null, hours: '0.00' },
      alerts: [],
      notCounted: [],
    });
  });

  it('lists the member coops with their members, capital and contributions to date', async () => {
    const noMembers = {
      worker: 0,
      beneficiary: 0,
      volunteer: 0,
      supporter: 0,
      public_body: 0,
      legal_person: 0,
    };
    const common = {
      status: 'admitted',
      appliedOn: TODAY,
      admittedOn: TODAY,
      withdrawalRequestedOn: null,
      withdrawnOn: null,
    };
    const habitatView = {
      coopId: HABITAT.coopId,
      ...common,
      ...HABITAT.profile,
      admissionOverride: {
        rule: 'social_coops_at_least_70pct',
        reason: OVERRIDE_REASON,
        by: 'board-2',
      },
      // The beneficiary who left no longer counts, nor does their capital.
      members: {
        total: 2,
        byCategory: { ...noMembers, worker: 1, beneficiary: 1 },
        disadvantagedWorkers: 0,
      },
      capital: { subscribed: eur('250.00'), paid: eur('100.00') },
      contributions: [
        { unit: 'EUR', pledged: '0.00', paid: '1095.00' },
        { unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { unit: 'hours', pledged: '6.00', paid: '2.00' },
      ],
    };
    const veloView = {
      coopId: VELO.coopId,
      ...common,
      ...VELO.profile,
      admissionOverride: null,
      members: {
        total: 3,
        byCategory: { ...noMembers, worker: 2, volunteer: 1 },
        disadvantagedWorkers: 1,
      },
      capital: { subscribed: eur('600.00'), paid: eur('50.00') },
      contributions: [
        { unit: 'EUR', pledged: '300.00', paid: '160.50' },
        { unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
    };
    const board = consortium.board();
    await eventually(async () => {
      expect((await board('GET', '/coops')).body).toEqual({
        items: [habitatView, veloView],
        nextCursor: null,
      });
    });
    // A coop's own page adds its incubation (none: both came with a legal form of their own).
    expect((await board('GET', `/coops/${HABITAT.coopId}`)).body).toEqual({
      ...habitatView,
      incubation: null,
    });
    expect((await board('GET', `/coops/${VELO.coopId}`)).body).toEqual({
      ...veloView,
      incubation: null,
    });
    // Paged: one per page, in coop order.
    const first = await board('GET', '/coops?limit=1');
    expect(first.body).toMatchObject({ items: [habitatView], nextCursor: expect.any(String) });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    expect((await board('GET', `/coops?limit=1&cursor=${cursor}`)).body).toEqual({
      items: [veloView],
      nextCursor: null,
    });
  });

  it('lists every resource on offer, the withdrawn one left out', async () => {
    const space = {
      coopId: HABITAT.coopId,
      coopName: HABITAT.profile.name,
      resourceId: ids.habitatResource,
      kind: 'space',
      title: 'Meeting room for 30',
      description: 'Ground floor, step-free',
      themes: ['housing', 'civic'],
      terms: { type: 'at_cost', price: eur('15.00') },
      sharedOn: TODAY,
    };
    const bike = {
      coopId: VELO.coopId,
      coopName: VELO.profile.name,
      resourceId: ids.veloResource,
      kind: 'vehicle',
      title: 'Cargo bike with trailer',
      description: null,
      themes: ['mobility'],
      terms: { type: 'free' },
      sharedOn: TODAY,
    };
    const board = consortium.board();
    await eventually(async () => {
      expect((await board('GET', '/resources')).body).toEqual({
        items: [space, bike],
        nextCursor: null,
      });
    });
    expect((await board('GET', '/resources?theme=civic')).body).toEqual({
      items: [space],
      nextCursor: null,
    });
    expect((await board('GET', '/resources?kind=skill')).body).toEqual({
      items: [],
      nextCursor: null,
    });
    // A coop admin browses what the other coops offer.
    expect((await consortium.coopAdmin(VELO.coopId)('GET', '/resources?kind=space')).body).toEqual({
      items: [space],
      nextCursor: null,
    });
  });

  it('reports the model’s indicators, the overridden composition rule in alert', async () => {
    expect((await consortium.board()('GET', '/compliance')).body).toEqual({
      consortium: [
        {
          rule: 'at_least_three_member_coops',
          value: '2',
          threshold: '3',
          status: 'alert',
          source: 'D.L.C.P.S. 1577/1947 art. 27',
        },
        {
          rule: 'social_coops_at_least_70pct',
          value: '0.5000',
          threshold: '0.7000',
          status: 'alert',
          source: 'L. 381/1991 art. 8',
        },
        {
          rule: 'sol_share_at_most_20pct',
          value: '0.0233',
          threshold: '0.2000',
          status: 'ok',
          source: 'the consortium’s funding charter (complementary currency up to 20%)',
        },
      ],
      coops: [
        {
          coopId: HABITAT.coopId,
          // A SCIC: its own law's rules, not L. 381/1991's.
          indicators: [
            {
              rule: 'scic_at_least_three_categories',
              value: '2',
              threshold: '3',
              status: 'alert',
              source: 'loi 47-1775 art. 19 septies',
            },
            {
              rule: 'public_bodies_at_most_half_capital',
              value: '0.0000',
              threshold: '0.5000',
              status: 'ok',
              source: 'loi 47-1775 art. 19 septies',
            },
          ],
        },
        {
          coopId: VELO.coopId,
          indicators: [
            {
              rule: 'volunteers_at_most_half',
              value: '0.3333',
              threshold: '0.5000',
              status: 'ok',
              source: 'L. 381/1991 art. 2',
            },
            {
              rule: 'disadvantaged_workers_at_least_30pct',
              value: '0.5000',
              threshold: '0.3000',
              status: 'ok',
              source: 'L. 381/1991 art. 4',
            },
          ],
        },
      ],
    });
  });

  it('opens this year’s budget and decides allocations by the board’s votes, within the balance', async () => {
    const [first, second, third] = [
      consortium.board('board-1'),
      consortium.board('board-2'),
      consortium.board('board-3'),
    ];
    const opened = await expectStatus(first('POST', '/budgets', { periodId: PERIOD }));
    // Only money is cash: the 15 EUR of barter are valued in money, shown apart, never spendable.
    const income = [
      { unit: 'EUR', pledged: '300.00', paid: '1240.50' },
      { unit: 'SOL', pledged: '0.00', paid: '30.00' },
    ];
    const nonMonetaryValuation = [
      { unit: 'EUR', pledged: '0.00', paid: '15.00' },
      { unit: 'SOL', pledged: '0.00', paid: '0.00' },
    ];
    const cash = [
      { currency: 'EUR', received: '1240.50', disbursed: '0.00', balance: '1240.50' },
      { currency: 'SOL', received: '30.00', disbursed: '0.00', balance: '30.00' },
    ];
    expect(opened.body).toEqual({
      periodId: PERIOD,
      startsOn: `${PERIOD}-01-01`,
      endsOn: `${PERIOD}-12-31`,
      status: 'open',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      income,
      nonMonetaryValuation,
      cash,
      allocations: [],
      available: [eur('1240.50'), sol('30.00')],
      byTheme: [],
      closing: null,
    });
    await expectStatus(first('POST', '/budgets', { periodId: PERIOD }), 409);
    // The periods the board picks from (the board's page lists them).
    await eventually(async () =>
      expect((await expectStatus(consortium.auditor('GET', '/budgets'), 200)).body).toEqual({
        items: [
          {
            periodId: PERIOD,
            startsOn: `${PERIOD}-01-01`,
            endsOn: `${PERIOD}-12-31`,
            status: 'open',
          },
        ],
      }),
    );

    const propose = async (title: string, amount: { amount: string; currency: string }) =>
      createdId(
        await first('POST', `/budgets/${PERIOD}/allocations`, {
          title,
          purpose: `${title} for the member coops`,
          amount,
        }),
        'allocationId',
      );
    ids.allocations = {
      accounting: await propose('Shared accounting service', eur('1000.00')),
      bikes: await propose('Cargo bike fleet', eur('250.00')),
      training: await propose('Training paid in SOL', sol('25.00')),
      trip: await propose('Conference trip', eur('100.00')),
    };
    const { accounting, bikes, training, trip } = ids.allocations;
    const vote = (board: typeof first, allocationId: string, choice: string) =>
      board('POST', `/allocations/${allocationId}/votes`, { vote: choice });
    const tally = (votes: Partial<Record<'for' | 'against' | 'abstain', number>>) => ({
      for: 0,
      against: 0,
      abstain: 0,
      ...votes,
    });

    // Quorum is half the board of three, a simple majority decides: a single vote decides nothing.
    expect((await expectStatus(vote(first, accounting, 'for'))).body).toMatchObject({
      status: 'proposed',
      votes: tally({ for: 1 }),
    });
    // One vote per board member: voting again is a conflict and changes no tally.
    await expectStatus(vote(first, accounting, 'for'), 409);
    await expectStatus(vote(first, accounting, 'against'), 409);
    expect(
      ((await first('GET', `/budgets/${PERIOD}`)).body as { allocations: unknown[] })
        .allocations[0],
    ).toMatchObject({ allocationId: accounting, status: 'proposed', votes: tally({ for: 1 }) });
    expect((await expectStatus(vote(second, accounting, 'for'))).body).toEqual({
      allocationId: accounting,
      title: 'Shared accounting service',
      theme: null,
      disbursed: eur('0.00'),
      status: 'approved',
      amount: eur('1000.00'),
      votes: tally({ for: 2 }),
      ballots: [
        { voter: 'board-1', vote: 'for' },
        { voter: 'board-2', vote: 'for' },
      ],
      proposedBy: null,
    });

    // 240.50 EUR of money are left (with the barter's valuation it would be 255.50): approving
    // 250 would overdraw, so the deciding vote is refused.
    await expectStatus(vote(first, bikes, 'for'));
    await expectStatus(vote(third, bikes, 'abstain'));
    expectRuleViolation(await vote(second, bikes, 'for'), 'allocation_within_available_balance');

    await expectStatus(vote(second, training, 'for'));
    await expectStatus(vote(third, training, 'for'));
    await expectStatus(vote(first, trip, 'against'));
    expect((await expectStatus(vote(third, trip, 'against'))).body).toMatchObject({
      status: 'rejected',
      votes: tally({ against: 2 }),
    });
    // Decided: no more votes.
    await expectStatus(vote(second, trip, 'for'), 409);

    const budget = await expectStatus(consortium.auditor('GET', `/budgets/${PERIOD}`), 200);
    expect(budget.body).toEqual({
      periodId: PERIOD,
      startsOn: `${PERIOD}-01-01`,
      endsOn: `${PERIOD}-12-31`,
      status: 'open',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      income,
      nonMonetaryValuation,
      cash,
      allocations: [
        {
          allocationId: accounting,
          title: 'Shared accounting service',
          theme: null,
          status: 'approved',
          amount: eur('1000.00'),
          disbursed: eur('0.00'),
          votes: tally({ for: 2 }),
          ballots: [
            { voter: 'board-1', vote: 'for' },
            { voter: 'board-2', vote: 'for' },
          ],
          proposedBy: null,
        },
        {
          allocationId: bikes,
          title: 'Cargo bike fleet',
          theme: null,
          status: 'proposed',
          amount: eur('250.00'),
          disbursed: eur('0.00'),
          votes: tally({ for: 1, abstain: 1 }),
          // The refused deciding vote left no ballot.
          ballots: [
            { voter: 'board-1', vote: 'for' },
            { voter: 'board-3', vote: 'abstain' },
          ],
          proposedBy: null,
        },
        {
          allocationId: training,
          title: 'Training paid in SOL',
          theme: null,
          status: 'approved',
          amount: sol('25.00'),
          disbursed: sol('0.00'),
          votes: tally({ for: 2 }),
          ballots: [
            { voter: 'board-2', vote: 'for' },
            { voter: 'board-3', vote: 'for' },
          ],
          proposedBy: null,
        },
        {
          allocationId: trip,
          title: 'Conference trip',
          theme: null,
          status: 'rejected',
          amount: eur('100.00'),
          disbursed: eur('0.00'),
          votes: tally({ against: 2 }),
          ballots: [
            { voter: 'board-1', vote: 'against' },
            { voter: 'board-3', vote: 'against' },
          ],
          proposedBy: null,
        },
      ],
      available: [eur('240.50'), sol('5.00')],
      // Approved, nothing paid out yet.
      byTheme: [
        { theme: null, currency: 'EUR', approved: '1000.00', disbursed: '0.00' },
        { theme: null, currency: 'SOL', approved: '25.00', disbursed: '0.00' },
      ],
      closing: null,
    });
    await expectStatus(first('GET', '/budgets/1999'), 404);
  });
});

describe('how fresh the views are', () => {
  it('says each view is caught up with the log once it has applied every event', async () => {
    const names = [
      'allocation_index',
      'books',
      'budget_periods',
      'catalogue_resources',
      'coop_members',
      'member_coops',
      'pooled_means',
    ];
    await eventually(async () => {
      const { body } = await expectStatus<{
        items: {
          name: string;
          caughtUp: boolean;
          rebuilding: boolean;
          failing: boolean;
          lag: number;
          status: string;
          parkedEvents: number;
          parked: unknown[];
        }[];
      }>(consortium.auditor('GET', '/read-models'), 200);
      expect(body.items.map((item) => item.name)).toEqual(expect.arrayContaining(names));
      for (const item of body.items) {
        expect(item).toEqual({
          name: item.name,
          caughtUp: true,
          rebuilding: false,
          failing: false,
          lag: 0,
          status: 'up-to-date',
          parkedEvents: 0,
          parked: [],
        });
      }
    });
  });
});

describe('who may change and read what', () => {
  const writes = () => [
    { path: `/coops/${HABITAT.coopId}/admission`, body: {} },
    { path: `/coops/${VELO.coopId}/withdrawal/settlement`, body: {} },
    {
      path: '/budgets',
      body: { periodId: 'next-year', startsOn: '2099-01-01', endsOn: '2099-12-31' },
    },
    {
      path: `/budgets/${PERIOD}/allocations`,
      body: { title: 'Sneaky', purpose: 'none', amount: eur('1.00') },
      // A member coop's admin proposes too (tests/federation): not an outsider's change here.
      byMemberCoopAdmins: true,
    },
    { path: `/allocations/${ids.allocations.bikes}/votes`, body: { vote: 'for' } },
    { path: `/budgets/${PERIOD}/closing`, body: { netResult: eur('100.00') } },
    {
      path: '/income',
      body: { kind: 'donation', amount: eur('1.00'), receivedOn: `${PERIOD}-01-02`, funder: 'X' },
    },
    {
      path: `/allocations/${ids.allocations.accounting}/disbursements`,
      body: {
        amount: eur('1.00'),
        paidOn: `${PERIOD}-01-02`,
        payee: { name: 'X' },
        reference: 'X',
      },
    },
  ];
  const reads = () => [
    '/coops',
    `/coops/${VELO.coopId}`,
    '/pooled-means',
    '/resources',
    '/budgets',
    `/budgets/${PERIOD}`,
    '/compliance',
    '/read-models',
    '/funding-applications',
    '/ledger',
  ];
  const eventCount = async () =>
    (
      await queryEvents<{ n: number }>(
        schemas,
        (events) => `SELECT count(*)::int AS n FROM ${events}`,
      )
    )[0].n;

  it('refuses every change to anyone but a board member, and records nothing', async () => {
    const before = {
      events: await eventCount(),
      budget: (await consortium.board()('GET', `/budgets/${PERIOD}`)).body,
    };
    const refusals: [string, string, number][] = [];
    const outsiders = {
      auditor: consortium.auditor,
      'coop admin': consortium.coopAdmin(VELO.coopId),
      'not on the board': consortium.notOnTheBoard,
      'no token': consortium.anonymous,
    };
    const refusedTo = (who: string) =>
      writes().filter((write) => !(who === 'coop admin' && 'byMemberCoopAdmins' in write));
    for (const [who, client] of Object.entries(outsiders)) {
      for (const { path, body } of refusedTo(who)) {
        refusals.push([who, path, (await client('POST', path, body)).status]);
      }
    }
    expect(refusals).toEqual(
      Object.keys(outsiders).flatMap((who) =>
        refusedTo(who).map(({ path }): [string, string, number] => [
          who,
          path,
          who === 'no token' ? 401 : 403,
        ]),
      ),
    );
    expect(await eventCount()).toBe(before.events);
    expect((await consortium.board()('GET', `/budgets/${PERIOD}`)).body).toEqual(before.budget);
  });

  it('lets board members and the consortium’s auditors read everything, a member coop’s admin the resources and the consortium’s figures', async () => {
    const statuses = async (client: ConsortiumUnderTest['auditor']) =>
      Promise.all(reads().map(async (path) => [path, (await client('GET', path)).status]));
    const only = (open: string[]) => reads().map((path) => [path, open.includes(path) ? 200 : 403]);
    expect(await statuses(consortium.board('board-3'))).toEqual(only(reads()));
    expect(await statuses(consortium.auditor)).toEqual(only(reads()));
    // Not the list of coops, nor another coop's entry, nor the consortium's books.
    expect(await statuses(consortium.coopAdmin(HABITAT.coopId))).toEqual(
      only(['/pooled-means', '/resources', '/budgets', `/budgets/${PERIOD}`, '/compliance']),
    );
    expect(await statuses(consortium.notOnTheBoard)).toEqual(only([]));
    // A coop's auditor audits that coop, not the consortium's figures about every coop.
    expect(await statuses(consortium.coopAuditor(VELO.coopId))).toEqual(only([]));
    // A coop admin may export their own coop's history, never another's.
    expect(
      (await consortium.coopAdmin(HABITAT.coopId)('GET', `/coops/${VELO.coopId}/export`)).status,
    ).toBe(403);
  });
});
