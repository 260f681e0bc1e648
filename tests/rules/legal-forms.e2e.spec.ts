import {
  apiClient,
  APP_ENTRY,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { CoopUnderTest, startCoop } from '../coop/coop-app';
import { expectInvalidFields, expectRuleViolation } from '../coop/problem-assertions';
import { admission, eur, PROFILE } from '../coop/sample-requests';

// Each legal form gets its own law's rules (issue 14), through the real apps: an Italian coop in
// quote, a French SCIC, an Italian consorzio and a consortium that is a French SCIC.
const italy = new TestSchemas();
const france = new TestSchemas();
let italian: CoopUnderTest;
let scic: CoopUnderTest;
let typeB: CoopUnderTest;
let consorzio: RunningApp;
let scicConsortium: RunningApp;
const boardOf = (app: RunningApp) =>
  apiClient(app.url, tokenFor({ sub: 'board-1', role: 'board-member' }));

interface Indicator {
  rule: string;
  value: string | null;
  status: string;
}
interface Compliance {
  consortium: Indicator[];
  coops: { coopId: string; indicators: Indicator[] }[];
}

const shares = (count: number, value: string) => ({ count, nominalValue: eur(value) });

beforeAll(async () => {
  [italian, scic, typeB, consorzio, scicConsortium] = await Promise.all([
    startCoop(italy, 'casa-comune'),
    startCoop(italy, 'bottega-corta'),
    startCoop(italy, 'velo-solidaire'),
    startApp(APP_ENTRY.consortium, italy, {
      BOARD_MEMBERS: 'board-1',
      CONSORTIUM_LEGAL_FORM: 'consorzio',
    }),
    startApp(APP_ENTRY.consortium, france, {
      BOARD_MEMBERS: 'board-1',
      CONSORTIUM_LEGAL_FORM: 'scic',
    }),
  ]);
  const describe = async (coop: CoopUnderTest, profile: Record<string, unknown>) => {
    expect((await coop.admin('PUT', '/coop', { ...PROFILE, ...profile })).status).toBe(200);
    expect((await coop.admin('POST', '/consortium/application')).status).toBe(201);
  };
  await describe(italian, { legalForm: 'coop', shareForm: 'quote' });
  await describe(scic, { legalForm: 'scic' });
  for (const coopId of ['casa-comune', 'bottega-corta']) {
    const admitted = await boardOf(consorzio)('POST', `/coops/${coopId}/admission`, {
      override: { reason: 'a pilot' },
    });
    expect(admitted.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([
    italian?.app.stop(),
    scic?.app.stop(),
    typeB?.app.stop(),
    consorzio?.stop(),
    scicConsortium?.stop(),
  ]);
  await Promise.all([italy.drop(), france.drop()]);
});

describe('c.c. 2525 as written', () => {
  it('accepts an 800 EUR share of an Italian coop whose capital is in quote', async () => {
    const admitted = await italian.admin(
      'POST',
      '/members',
      admission({ admittedOn: '2026-01-15', shares: shares(1, '800.00') }),
    );
    expect(admitted.status).toBe(201);
  });

  it('caps the share at 719 EUR once the coop says its capital is in azioni', async () => {
    const profile = { ...PROFILE, legalForm: 'coop', shareForm: 'azioni' };
    expect((await italian.admin('PUT', '/coop', profile)).body).toMatchObject({
      shareForm: 'azioni',
    });
    expectRuleViolation(
      await italian.admin(
        'POST',
        '/members',
        admission({ admittedOn: '2026-01-15', shares: shares(1, '800.00') }),
      ),
      'share_value_maximum',
    );
    // A legal person is outside the limits: neither the cap nor the 25 EUR minimum.
    for (const value of ['800.00', '10.00']) {
      const legalPerson = await italian.admin(
        'POST',
        '/members',
        admission({ category: 'legal_person', admittedOn: '2026-01-15', shares: shares(1, value) }),
      );
      expect(legalPerson.status).toBe(201);
    }
    await italian.admin('PUT', '/coop', { ...profile, shareForm: 'quote' });
  });
});

describe('a SCIC', () => {
  it('alerts when public bodies hold more than half of its capital, never on volunteers', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const member = (category: string, value: string) =>
      scic.admin(
        'POST',
        '/members',
        admission({ category, admittedOn: yesterday, shares: shares(1, value) }),
      );
    for (const [category, value] of [
      ['worker', '150.00'],
      ['beneficiary', '150.00'],
      ['public_body', '600.00'],
      // Volunteers more than half of the members: L. 381/1991 is not a SCIC's law.
      ['volunteer', '25.00'],
      ['volunteer', '25.00'],
      ['volunteer', '25.00'],
      ['volunteer', '25.00'],
    ] as const) {
      expect((await member(category, value)).status).toBe(201);
    }
    await eventually(async () => {
      const summary = await scic.admin<{ indicators: Indicator[]; members: { mayVote: number } }>(
        'GET',
        '/membership/summary',
      );
      // 600 of 1,000 EUR: 60%.
      expect(summary.body.indicators).toEqual([
        expect.objectContaining({
          rule: 'scic_at_least_three_categories',
          value: '4',
          status: 'ok',
        }),
        expect.objectContaining({
          rule: 'public_bodies_at_most_half_capital',
          value: '0.6000',
          status: 'alert',
        }),
      ]);
      // Admitted yesterday: an Italian coop's members would wait 90 days (c.c. 2538); a SCIC's vote.
      expect(summary.body.members.mayVote).toBe(7);
    });

    await eventually(async () => {
      const { body } = await boardOf(consorzio)<Compliance>('GET', '/compliance');
      const indicators = body.coops.find((c) => c.coopId === 'bottega-corta')!.indicators;
      expect(indicators.map((i) => [i.rule, i.status])).toEqual([
        ['public_bodies_at_most_half_capital', 'alert'],
        ['scic_at_least_three_categories', 'ok'],
      ]);
    });
  });
});

describe('the type-B quota, as the law counts it', () => {
  it('averages the workforce the coop records month by month, members or not', async () => {
    expect((await typeB.admin('PUT', '/coop', PROFILE)).status).toBe(200);
    // One worker member, not disadvantaged: on members alone the quota would be 0%.
    expect((await typeB.admin('POST', '/members', admission())).status).toBe(201);
    // Eleven months at 3 of 10, one month at 2 of 10: 35 of 120 on average, under 30%.
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      const put = await typeB.admin('PUT', `/workforce/${month}`, {
        workers: 10,
        disadvantaged: m === 12 ? 2 : 3,
      });
      expect(put.status).toBe(200);
    }
    const quota = async () => {
      const { body } = await typeB.admin<{ indicators: Indicator[] }>('GET', '/membership/summary');
      return body.indicators.find((i) => i.rule === 'disadvantaged_workers_at_least_30pct');
    };
    expect(await quota()).toMatchObject({ value: '0.2917', status: 'alert' });
    // December corrected to 3 of 10: 36 of 120, exactly 30%.
    await typeB.admin('PUT', '/workforce/2026-12', { workers: 10, disadvantaged: 3 });
    expect(await quota()).toMatchObject({ value: '0.3000', status: 'ok' });
    expect((await typeB.admin('GET', '/workforce')).body).toMatchObject({
      quota: { disadvantaged: 36, base: 120, months: 12 },
    });
  });

  it('refuses more disadvantaged than workers, and a month that is not one', async () => {
    expectRuleViolation(
      await typeB.admin('PUT', '/workforce/2026-01', { workers: 2, disadvantaged: 3 }),
      'disadvantaged_within_workers',
    );
    const bad = await typeB.admin('PUT', '/workforce/2026-13', { workers: 2, disadvantaged: 1 });
    expectInvalidFields(bad, ['month']);
  });
});

describe('the consortium’s own form', () => {
  it('alerts an Italian consorzio with only two admitted coops', async () => {
    const { body } = await boardOf(consorzio)<Compliance>('GET', '/compliance');
    expect(body.consortium).toContainEqual(
      expect.objectContaining({ rule: 'at_least_three_member_coops', value: '2', status: 'alert' }),
    );
  });

  it('refuses an Italian closing whose dividend is above the c.c. 2514 cap', async () => {
    const board = boardOf(consorzio);
    expect((await board('POST', '/budgets', { periodId: '2025' })).status).toBe(201);
    const close = (dividends: string) =>
      board('POST', '/budgets/2025/closing', {
        netResult: eur('10000.00'),
        dividends: eur(dividends),
        paidUpCapital: eur('20000.00'),
      });
    // Of 20,000 EUR paid up, 5.5% at most: 1,100 EUR.
    expectRuleViolation(await close('1100.01'), 'dividend_above_cap');
    const closed = await close('1100.00');
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({
      closing: {
        legalReserve: eur('3000.00'),
        mutualFund: eur('300.00'),
        dividends: eur('1100.00'),
        remainder: [{ purpose: 'indivisible reserve', amount: eur('5600.00'), indivisible: true }],
      },
    });
  });

  it('refuses to close a period before it ends', async () => {
    const board = boardOf(consorzio);
    expect((await board('POST', '/budgets', { periodId: '2099' })).status).toBe(201);
    expectRuleViolation(
      await board('POST', '/budgets/2099/closing', { netResult: eur('100.00') }),
      'period_not_ended',
    );
  });

  it('refuses a SCIC closing that keeps less than 57.5% indivisible, without a 3% fund', async () => {
    const board = boardOf(scicConsortium);
    expect((await board('POST', '/budgets', { periodId: '2025' })).status).toBe(201);
    const close = (statutory: string, bonus: string) =>
      board('POST', '/budgets/2025/closing', {
        netResult: eur('10000.00'),
        remainder: [
          { purpose: 'statutory reserve', amount: eur(statutory), indivisible: true },
          { purpose: 'workers’ bonus', amount: eur(bonus) },
        ],
      });
    // 15% legal reserve, then 4,249.99 of the 8,500 left: under half.
    expectRuleViolation(await close('4249.99', '4250.01'), 'indivisible_reserves_below_minimum');
    const closed = await close('4250.00', '4250.00');
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({
      closing: { form: 'scic', legalReserve: eur('1500.00'), mutualFund: eur('0.00') },
    });
  });
});

describe('leaving the consortium (c.c. 2532/2535)', () => {
  it('a notice given on 15 Oct 2026 leaves at the close of 2027, due 180 days after those accounts', async () => {
    // Notice is given on a day that has come.
    expectRuleViolation(
      await italian.admin('POST', '/consortium/withdrawal', { requestedOn: '2999-01-01' }),
      'notice_not_in_future',
    );
    const notice = await italian.admin('POST', '/consortium/withdrawal', {
      reason: 'merging',
      requestedOn: '2026-10-15',
    });
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({
      consortiumStatus: 'withdrawing',
      consortiumExit: { noticeGivenOn: '2026-10-15', leavesOn: '2027-12-31' },
    });

    const board = boardOf(consorzio);
    await eventually(async () => {
      const { body } = await board<Compliance>('GET', '/compliance');
      const indicators = body.coops.find((c) => c.coopId === 'casa-comune')!.indicators;
      expect(indicators).toContainEqual(
        expect.objectContaining({ rule: 'withdrawal_review_within_60_days', status: 'alert' }),
      );
    });

    // Accounts of 2026 do not settle a coop that leaves at the close of 2027.
    expectRuleViolation(
      await board('POST', '/coops/casa-comune/withdrawal/settlement', {
        accountsApprovedOn: '2027-04-30',
      }),
      'accounts_of_exit_year',
    );
    const settled = await board('POST', '/coops/casa-comune/withdrawal/settlement', {
      capitalOwed: eur('800.00'),
      lossShare: eur('120.00'),
      accountsApprovedOn: '2028-04-20',
    });
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({
      leavesOn: '2027-12-31',
      dueOn: '2028-10-17',
      capitalOwed: eur('680.00'),
      lossDeducted: eur('120.00'),
    });
    await eventually(async () => {
      const { body } = await board<Compliance>('GET', '/compliance');
      expect(body.coops.find((c) => c.coopId === 'casa-comune')).toBeUndefined();
    });
  });
});
