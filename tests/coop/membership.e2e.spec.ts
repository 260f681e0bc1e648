import { randomUUID } from 'node:crypto';
import { eventually, TestSchemas } from '../support/apps';
import { CoopUnderTest, createdId, startCoop, streamLength } from './coop-app';
import { expectProblem, expectRuleViolation } from './problem-assertions';
import { admission, eur, PROFILE, sol } from './sample-requests';

// A coop's profile and its members, through the coop app's HTTP API (the public API, the domain's vocabulary). One app
// for the file: the describes run in order on one coop, from before it describes itself on.
const COOP_ID = 'velo-solidaire';
const schemas = new TestSchemas();
let coop: CoopUnderTest;

beforeAll(async () => {
  coop = await startCoop(schemas, COOP_ID);
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

/** The UTC day `days` before today, as the app counts seniority. */
function daysAgo(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function admit(overrides: Record<string, unknown> = {}): Promise<string> {
  return createdId(await coop.admin('POST', '/members', admission(overrides)), 'memberId');
}

const memberStream = (memberId: string) => `coop/${COOP_ID}/member/${memberId}`;

describe('a coop that has not described itself yet', () => {
  it('shows an empty profile to its admin and its auditor', async () => {
    const empty = {
      id: COOP_ID,
      name: null,
      legalForm: null,
      themes: [],
      territory: null,
      shareForm: 'azioni',
      statutesRaiseHoldingCap: false,
      consortiumStatus: 'none',
      consortiumExit: null,
      // A coop that came with its legal form, never a project the consortium incubated.
      incubation: null,
    };

    for (const reader of [coop.admin, coop.auditor]) {
      const res = await reader('GET', '/coop');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(empty);
    }
  });

  it('admits no member and applies nowhere until it has a legal form', async () => {
    expectRuleViolation(
      await coop.admin('POST', '/members', admission()),
      'profile_before_members',
    );
    expectRuleViolation(
      await coop.admin('POST', '/consortium/application'),
      'profile_before_application',
    );
    expectProblem(await coop.admin('POST', '/consortium/withdrawal', {}), 409);
  });
});

describe('the coop profile and the consortium', () => {
  it('PUT /coop sets the profile, answered with its version as ETag', async () => {
    const put = await coop.admin('PUT', '/coop', PROFILE);

    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"1"');
    expect(put.body).toEqual({
      id: COOP_ID,
      ...PROFILE,
      shareForm: 'azioni',
      statutesRaiseHoldingCap: false,
      consortiumStatus: 'none',
      consortiumExit: null,
      incubation: null,
    });
    const got = await coop.auditor('GET', '/coop');
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toEqual(put.body);
  });

  it('a change with a stale If-Match is refused 412 and changes nothing', async () => {
    const changed = await coop.admin(
      'PUT',
      '/coop',
      { ...PROFILE, territory: 'Bologna' },
      {
        'if-match': '"1"',
      },
    );
    expect(changed.headers.get('etag')).toBe('"2"');

    const stale = await coop.admin(
      'PUT',
      '/coop',
      { ...PROFILE, name: 'Someone else' },
      {
        'if-match': '"1"',
      },
    );

    expectProblem(stale, 412);
    expect((await coop.admin('GET', '/coop')).body).toMatchObject({
      name: PROFILE.name,
      territory: 'Bologna',
    });
  });

  it('applies to the consortium once, then asks to leave once', async () => {
    const applied = await coop.admin('POST', '/consortium/application');
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ id: COOP_ID, consortiumStatus: 'applicant' });
    expectProblem(await coop.admin('POST', '/consortium/application'), 409);

    const leaving = await coop.admin('POST', '/consortium/withdrawal', {
      reason: 'we merge with a neighbour',
    });
    expect(leaving.status).toBe(201);
    expect(leaving.body).toMatchObject({ consortiumStatus: 'withdrawing' });
    expectProblem(await coop.admin('POST', '/consortium/withdrawal', {}), 409);
    expect((await coop.auditor('GET', '/coop')).body).toMatchObject({
      consortiumStatus: 'withdrawing',
    });
  });
});

describe('the membership summary (runs on the coop before any other member is admitted)', () => {
  const summary = async (expected: Record<string, unknown>) =>
    eventually(async () => {
      const res = await coop.auditor('GET', '/membership/summary');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(expected);
      return res.body;
    });
  const indicator = (rule: string, value: string | null, status: 'ok' | 'alert') => ({
    rule,
    value,
    status,
    threshold: expect.stringMatching(/^0\.\d{4}$/),
    source: expect.stringContaining('381/1991'),
  });

  it('counts nothing in an empty coop, and breaks no ratio', async () => {
    expect(
      await summary({
        members: {
          total: 0,
          byCategory: {
            worker: 0,
            beneficiary: 0,
            volunteer: 0,
            supporter: 0,
            public_body: 0,
            legal_person: 0,
          },
          mayVote: 0,
        },
        capital: { subscribed: eur('0.00'), paid: eur('0.00'), reimbursed: eur('0.00') },
      }),
    ).toMatchObject({
      indicators: [
        indicator('volunteers_at_most_half', null, 'ok'),
        indicator('disadvantaged_workers_at_least_30pct', null, 'ok'),
      ],
    });
  });

  it('volunteers may be half of the members, not more (alert, not a block)', async () => {
    // Enrolled 90 days ago: may vote; 89 days ago: not yet (c.c. art. 2538).
    await admit({ admittedOn: daysAgo(90), disadvantaged: true });
    await admit({
      category: 'volunteer',
      admittedOn: daysAgo(89),
      shares: { count: 1, nominalValue: eur('25.00') },
    });

    await summary({
      members: { total: 2, byCategory: { worker: 1, volunteer: 1 }, mayVote: 1 },
      indicators: [
        indicator('volunteers_at_most_half', '0.5000', 'ok'),
        indicator('disadvantaged_workers_at_least_30pct', '1.0000', 'ok'),
      ],
    });

    await admit({
      category: 'volunteer',
      admittedOn: daysAgo(400),
      shares: { count: 1, nominalValue: eur('25.00') },
    });

    await summary({
      members: { total: 3, byCategory: { worker: 1, volunteer: 2 }, mayVote: 2 },
      capital: { subscribed: eur('250.00'), paid: eur('0.00'), reimbursed: eur('0.00') },
      indicators: [indicator('volunteers_at_most_half', '0.6667', 'alert'), expect.anything()],
    });
  });

  it('a type-B coop is alerted when disadvantaged workers fall below 30% of workers', async () => {
    const others = [await admit(), await admit(), await admit()];
    await coop.admin('POST', `/members/${others[0]}/payments`, {
      paidOn: '2025-02-01',
      amount: eur('100.00'),
    });

    await summary({
      members: { total: 6, byCategory: { worker: 4, volunteer: 2 } },
      capital: { subscribed: eur('850.00'), paid: eur('100.00') },
      indicators: [
        indicator('volunteers_at_most_half', '0.3333', 'ok'),
        indicator('disadvantaged_workers_at_least_30pct', '0.2500', 'alert'),
      ],
    });

    const flagged = await coop.admin('PUT', `/members/${others[1]}/category`, {
      category: 'worker',
      disadvantaged: true,
      changedOn: '2025-03-01',
    });
    expect(flagged.status).toBe(200);

    await summary({
      indicators: [
        expect.anything(),
        indicator('disadvantaged_workers_at_least_30pct', '0.5000', 'ok'),
      ],
    });
  });

  it('watches the disadvantaged-worker ratio only for type-B social coops, volunteers only for social coops', async () => {
    const rulesOf = async (legalForm: string) => {
      await coop.admin('PUT', '/coop', { ...PROFILE, legalForm });
      const body = (await summary({})) as { indicators: { rule: string }[] };
      return body.indicators.map((i) => i.rule);
    };
    try {
      expect(await rulesOf('social_coop_a')).toEqual(['volunteers_at_most_half']);
      // L. 381/1991 is the law of social coops only.
      expect(await rulesOf('coop')).toEqual([]);
    } finally {
      await coop.admin('PUT', '/coop', PROFILE);
    }
  });
});

describe('members and their shares', () => {
  const memberId = randomUUID();

  it('POST /members admits a member: 201 with its id, ETag and Location', async () => {
    const res = await coop.admin(
      'POST',
      '/members',
      admission({
        memberId,
        disadvantaged: true,
        displayName: 'Marco Rossi',
        email: 'marco.rossi@example.org',
      }),
    );

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ memberId });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/members/${memberId}`);
  });

  it('GET /members/{id} shows the member, its shares and its ETag', async () => {
    const res = await coop.auditor('GET', `/members/${memberId}`);

    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toEqual({
      memberId,
      category: 'worker',
      disadvantaged: true,
      status: 'active',
      admittedOn: '2025-01-15',
      mayVote: true,
      shares: {
        count: 4,
        subscribed: eur('200.00'),
        paid: eur('0.00'),
        reimbursed: eur('0.00'),
      },
      displayName: 'Marco Rossi',
      email: 'marco.rossi@example.org',
      exit: null,
      version: 1,
    });
  });

  it('POST /members/{id}/shares subscribes more shares', async () => {
    const res = await coop.admin('POST', `/members/${memberId}/shares`, {
      subscribedOn: '2025-04-01',
      shares: { count: 2, nominalValue: eur('50.00') },
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body).toMatchObject({ shares: { count: 6, subscribed: eur('300.00') }, version: 2 });
  });

  it('POST /members/{id}/payments pays up subscribed capital, to the cent', async () => {
    const first = await coop.admin('POST', `/members/${memberId}/payments`, {
      paidOn: '2025-04-02',
      amount: eur('120.50'),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ shares: { paid: eur('120.50') } });

    const rest = await coop.admin('POST', `/members/${memberId}/payments`, {
      paidOn: '2025-05-02',
      amount: eur('179.50'),
    });
    expect(rest.status).toBe(201);
    expect(rest.headers.get('etag')).toBe('"4"');
    expect(rest.body).toMatchObject({ shares: { subscribed: eur('300.00'), paid: eur('300.00') } });
  });

  it('PUT /members/{id}/category changes the category (with If-Match)', async () => {
    const res = await coop.admin(
      'PUT',
      `/members/${memberId}/category`,
      { category: 'beneficiary', changedOn: '2025-06-01' },
      { 'if-match': '"4"' },
    );

    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"5"');
    expect(res.body).toMatchObject({ category: 'beneficiary', disadvantaged: false });
  });

  it('GET /members lists members by status and category, paged with a cursor', async () => {
    const listed = await eventually(async () => {
      const res = await coop.auditor('GET', '/members?category=beneficiary&status=active');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        items: [{ memberId, category: 'beneficiary', shares: { paid: eur('300.00') }, version: 5 }],
        nextCursor: null,
      });
      return res.body as { items: unknown[] };
    });
    expect(listed.items).toHaveLength(1);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await coop.auditor('GET', `/members?limit=2${query}`);
      const body = page.body as { items: { memberId: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.memberId));
      cursor = body.nextCursor;
    } while (cursor);
    const all = (await coop.auditor('GET', '/members?limit=500')).body as {
      items: { memberId: string }[];
    };
    expect(seen).toEqual(all.items.map((item) => item.memberId));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(memberId);
  });
});

describe('share rules (c.c. art. 2525, dated; Italian forms)', () => {
  const shares = (count: number, value: string) => ({ count, nominalValue: eur(value) });

  it('a share is worth at least 25 EUR, and a refused admission records nothing', async () => {
    const memberId = randomUUID();

    expectRuleViolation(
      await coop.admin('POST', '/members', admission({ memberId, shares: shares(1, '24.99') })),
      'share_value_minimum',
    );
    expectProblem(await coop.admin('GET', `/members/${memberId}`), 404);
    expect(await streamLength(schemas, memberStream(memberId))).toBe(0);
    await admit({ shares: shares(1, '25.00') });
  });

  it('since 2024-10-18 a natural person’s share is worth at most 719 EUR', async () => {
    await admit({ admittedOn: '2024-10-18', shares: shares(1, '719.00') });
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ admittedOn: '2024-10-18', shares: shares(1, '719.01') }),
      ),
      'share_value_maximum',
    );
  });

  it('before 2024-10-18 it was at most 500 EUR', async () => {
    await admit({ admittedOn: '2024-10-17', shares: shares(1, '500.00') });
    for (const value of ['500.01', '719.00']) {
      expectRuleViolation(
        await coop.admin(
          'POST',
          '/members',
          admission({ admittedOn: '2024-10-17', shares: shares(1, value) }),
        ),
        'share_value_maximum',
      );
    }
  });

  it('a natural person holds at most 143,800 EUR since 2024-10-18, 100,000 EUR before', async () => {
    await admit({ admittedOn: '2024-10-18', shares: shares(200, '719.00') });
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ admittedOn: '2024-10-18', shares: shares(201, '719.00') }),
      ),
      'member_holding_maximum',
    );

    const holder = await admit({ admittedOn: '2024-10-17', shares: shares(200, '500.00') });
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ admittedOn: '2024-10-17', shares: shares(201, '500.00') }),
      ),
      'member_holding_maximum',
    );

    // More shares count with those already held, against the cap of the day they are subscribed.
    expectRuleViolation(
      await coop.admin('POST', `/members/${holder}/shares`, {
        subscribedOn: '2024-10-17',
        shares: shares(1, '25.00'),
      }),
      'member_holding_maximum',
    );
    const later = await coop.admin('POST', `/members/${holder}/shares`, {
      subscribedOn: '2024-10-18',
      shares: shares(1, '25.00'),
    });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ shares: { count: 201, subscribed: eur('100025.00') } });
  });

  it('legal persons have no cap on a share nor on their holding', async () => {
    const big = await coop.admin(
      'POST',
      '/members',
      admission({
        category: 'legal_person',
        admittedOn: '2024-10-17',
        shares: shares(1000, '5000.00'),
      }),
    );
    expect(big.status).toBe(201);
    const publicBody = await coop.admin(
      'POST',
      '/members',
      admission({ category: 'public_body', shares: shares(300, '800.00') }),
    );
    expect(publicBody.status).toBe(201);
    const id = (big.body as { memberId: string }).memberId;
    expect((await coop.auditor('GET', `/members/${id}`)).body).toMatchObject({
      shares: { count: 1000, subscribed: eur('5000000.00') },
    });
  });

  it('share capital is in EUR', async () => {
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ shares: { count: 1, nominalValue: sol('50.00') } }),
      ),
      'share_capital_in_eur',
    );
    const memberId = await admit();
    expectRuleViolation(
      await coop.admin('POST', `/members/${memberId}/payments`, {
        paidOn: '2025-02-01',
        amount: sol('10.00'),
      }),
      'share_capital_in_eur',
    );
  });

  it('paid-up capital never exceeds the subscribed capital', async () => {
    const memberId = await admit({ shares: shares(4, '50.00') });
    const pay = (amount: string) =>
      coop.admin('POST', `/members/${memberId}/payments`, {
        paidOn: '2025-02-01',
        amount: eur(amount),
      });

    expectRuleViolation(await pay('200.01'), 'paid_at_most_subscribed');
    expect((await pay('150.00')).status).toBe(201);
    expectRuleViolation(await pay('50.01'), 'paid_at_most_subscribed');
    expect((await pay('50.00')).status).toBe(201);
    expect((await coop.auditor('GET', `/members/${memberId}`)).body).toMatchObject({
      shares: { subscribed: eur('200.00'), paid: eur('200.00') },
      version: 3,
    });
  });

  it('only a worker can be flagged disadvantaged', async () => {
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ category: 'beneficiary', disadvantaged: true }),
      ),
      'disadvantaged_only_for_workers',
    );
  });

  it('a form without share figures in the law (SCIC) checks none', async () => {
    await coop.admin('PUT', '/coop', { ...PROFILE, legalForm: 'scic' });
    try {
      expect(
        (await coop.admin('POST', '/members', admission({ shares: shares(1, '10.00') }))).status,
      ).toBe(201);
    } finally {
      await coop.admin('PUT', '/coop', PROFILE);
    }
  });
});

describe('leaving: withdrawal and exclusion (c.c. art. 2532, 2533, 2535)', () => {
  async function memberWithPaidCapital(paid: string): Promise<string> {
    const memberId = await admit({ shares: { count: 4, nominalValue: eur('50.00') } });
    const res = await coop.admin('POST', `/members/${memberId}/payments`, {
      paidOn: '2025-02-01',
      amount: eur(paid),
    });
    expect(res.status).toBe(201);
    return memberId;
  }

  it('a withdrawal is never partial: all paid-up capital is owed back, 180 days after the accounts', async () => {
    const memberId = await memberWithPaidCapital('150.00');
    // There is no way to ask for part of it back.
    expectProblem(
      await coop.admin('POST', `/members/${memberId}/withdrawal`, {
        requestedOn: '2025-03-15',
        shares: { count: 1 },
      }),
      400,
    );

    // The 2025 accounts cannot have been approved before 2025 closed (the 2024 ones, maybe).
    expectRuleViolation(
      await coop.admin('POST', `/members/${memberId}/withdrawal`, {
        requestedOn: '2025-03-15',
        accountsApprovedOn: '2025-04-20',
      }),
      'accounts_approved_after_exit_year',
    );

    const res = await coop.admin('POST', `/members/${memberId}/withdrawal`, {
      requestedOn: '2025-03-15',
      reason: 'moving abroad',
      accountsApprovedOn: '2026-04-20',
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"3"');
    expect(res.body).toMatchObject({
      memberId,
      status: 'withdrawn',
      mayVote: false,
      shares: { subscribed: eur('200.00'), paid: eur('150.00'), reimbursed: eur('150.00') },
      // Notice given 3 months or more before the year's close: out at its close.
      exit: {
        effectiveOn: '2025-12-31',
        reimbursementDueOn: '2026-10-17',
        reason: 'moving abroad',
      },
    });
  });

  it('late notice moves the exit to the next year; due dates count from 30 April by default', async () => {
    const onTime = await memberWithPaidCapital('200.00');
    const late = await memberWithPaidCapital('10.00');

    const a = await coop.admin('POST', `/members/${onTime}/withdrawal`, {
      requestedOn: '2025-09-30',
    });
    const b = await coop.admin('POST', `/members/${late}/withdrawal`, {
      requestedOn: '2025-10-01',
    });

    expect(a.body).toMatchObject({
      shares: { reimbursed: eur('200.00') },
      exit: { effectiveOn: '2025-12-31', reimbursementDueOn: '2026-10-27', reason: null },
    });
    expect(b.body).toMatchObject({
      shares: { reimbursed: eur('10.00') },
      exit: { effectiveOn: '2026-12-31', reimbursementDueOn: '2027-10-27' },
    });
  });

  it('an exclusion takes effect at once; its capital too is owed back in full', async () => {
    const memberId = await memberWithPaidCapital('80.00');

    const res = await coop.admin('POST', `/members/${memberId}/exclusion`, {
      decidedOn: '2025-06-10',
      reason: 'statute breach',
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'excluded',
      shares: { paid: eur('80.00'), reimbursed: eur('80.00') },
      exit: {
        effectiveOn: '2025-06-10',
        reimbursementDueOn: '2026-10-27',
        reason: 'statute breach',
      },
    });
  });

  it('nothing more is recorded on a member who left: 409, and the stream does not move', async () => {
    const memberId = await memberWithPaidCapital('50.00');
    await coop.admin('POST', `/members/${memberId}/withdrawal`, { requestedOn: '2025-03-01' });
    const length = await streamLength(schemas, memberStream(memberId));

    const attempts = [
      coop.admin('POST', `/members/${memberId}/shares`, {
        subscribedOn: '2025-04-01',
        shares: { count: 1, nominalValue: eur('50.00') },
      }),
      coop.admin('POST', `/members/${memberId}/payments`, {
        paidOn: '2025-04-01',
        amount: eur('1.00'),
      }),
      coop.admin('PUT', `/members/${memberId}/category`, {
        category: 'supporter',
        changedOn: '2025-04-01',
      }),
      coop.admin('POST', `/members/${memberId}/withdrawal`, { requestedOn: '2025-04-01' }),
      coop.admin('POST', `/members/${memberId}/exclusion`, {
        decidedOn: '2025-04-01',
        reason: 'x',
      }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 409);

    expect(await streamLength(schemas, memberStream(memberId))).toBe(length);
    await eventually(async () => {
      const res = await coop.auditor('GET', '/members?status=withdrawn&limit=500');
      expect(
        (res.body as { items: { memberId: string }[] }).items.map((m) => m.memberId),
      ).toContain(memberId);
    });
  });
});
