import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { ConsortiumUnderTest, expectStatus, startConsortium } from '../consortium/consortium-app';
import { appendToStore, coopEvents } from '../consortium/federation-events';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { CoopUnderTest, createdId, startCoop } from './coop-app';
import { expectInvalidFields, expectRuleViolation } from './problem-assertions';
import { admission, contribution, eur, PROFILE, resource } from './sample-requests';

// Amounts at the edge (the public API, "Bounds"): one amount is at most 999999999.99, a member's holding
// too; every sum is exact whatever its size. A coop app and the consortium on one event store.
const COOP_ID = 'velo-solidaire';
const schemas = new TestSchemas();
let coop: CoopUnderTest;
let consortium: ConsortiumUnderTest;

/** The largest amount, in hundredths, and as three shares of a legal person. */
const BOUND = 99_999_999_999n;
const AT_THE_BOUND = { count: 3, nominalValue: eur('333333333.33') };

/** Hundredths as the API writes them, computed here with BigInt only. */
const decimal = (hundredths: bigint) =>
  `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;

/** What the apps have written: the store's events, and the rows of each read model. */
async function written(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  const count = async (schema: string, table: string) =>
    Number(
      (await client.query(`SELECT count(*) AS n FROM ${quoteIdentifier(schema)}.${table}`)).rows[0]
        .n,
    );
  try {
    return {
      events: await count(schemas.eventStore, 'events'),
      members: await count(coop.readModels, 'members'),
      memberKeys: await count(coop.readModels, 'member_keys'),
      contributions: await count(coop.readModels, 'contributions'),
      resources: await count(coop.readModels, 'resources'),
      coopMembers: await count(consortium.readModels, 'coop_members'),
      allocations: await count(consortium.readModels, 'allocation_index'),
    };
  } finally {
    await client.end();
  }
}

/** Admits a member through the API and waits until both apps' views show it. */
async function admitAndSee(body: Record<string, unknown>): Promise<string> {
  const memberId = createdId(await coop.admin('POST', '/members', body), 'memberId');
  await eventually(async () => {
    expect((await coop.admin('GET', '/members?limit=500')).body).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ memberId })]),
    });
    const coops = await consortium.board()('GET', `/coops/${COOP_ID}`);
    expect((coops.body as { members: { total: number } }).members.total).toBe(
      (await coop.admin<{ members: { total: number } }>('GET', '/membership/summary')).body.members
        .total,
    );
  });
  return memberId;
}

beforeAll(async () => {
  [coop, consortium] = await Promise.all([startCoop(schemas, COOP_ID), startConsortium(schemas)]);
  await expectStatus(coop.admin('PUT', '/coop', PROFILE), 200);
  await expectStatus(coop.admin('POST', '/consortium/application'));
  await expectStatus(consortium.board()('POST', `/coops/${COOP_ID}/admission`, {}));
  await expectStatus(consortium.board()('POST', '/budgets', { periodId: '2027' }));
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.app.stop()]);
  await schemas.drop();
});

describe('an amount beyond the bound is refused at the edge, and nothing is written', () => {
  const someMember = () => `/members/${randomUUID()}`;
  const huge = eur('999999999999.99');
  const justOver = eur('1000000000.00');

  it.each<[string, 'coop' | 'board', string, () => string, unknown, string[]]>([
    [
      'the reported admission: 1,000,000 shares of 999,999,999,999.99 EUR',
      'coop',
      'POST',
      () => '/members',
      admission({
        category: 'legal_person',
        shares: { count: 1_000_000, nominalValue: huge },
        displayName: 'Holding SpA',
      }),
      ['shares.nominalValue.amount'],
    ],
    [
      'a share worth one cent more than the bound, and a million and one shares',
      'coop',
      'POST',
      () => '/members',
      admission({ shares: { count: 1_000_001, nominalValue: justOver } }),
      ['shares.count', 'shares.nominalValue.amount'],
    ],
    [
      'more shares beyond both bounds',
      'coop',
      'POST',
      () => `${someMember()}/shares`,
      { subscribedOn: '2025-03-01', shares: { count: 10_000_000, nominalValue: huge } },
      ['shares.count', 'shares.nominalValue.amount'],
    ],
    [
      'a payment beyond the bound',
      'coop',
      'POST',
      () => `${someMember()}/payments`,
      { paidOn: '2025-03-01', amount: huge },
      ['amount.amount'],
    ],
    [
      'a contribution in money beyond the bound',
      'coop',
      'POST',
      () => '/contributions',
      contribution({ amount: justOver }),
      ['amount.amount'],
    ],
    [
      'a contribution in hours beyond the bound',
      'coop',
      'POST',
      () => '/contributions',
      contribution({ kind: 'volunteering', amount: undefined, time: { hours: '1000000000' } }),
      ['time.hours'],
    ],
    [
      'a resource priced beyond the bound',
      'coop',
      'POST',
      () => '/resources',
      resource({ terms: { type: 'at_cost', price: justOver } }),
      ['terms.price.amount'],
    ],
    [
      'a resource given for hours beyond the bound',
      'coop',
      'POST',
      () => '/resources',
      resource({ terms: { type: 'hours', hours: '999999999999.99' } }),
      ['terms.hours'],
    ],
    [
      'an allocation beyond the bound',
      'board',
      'POST',
      () => '/budgets/2027/allocations',
      { title: 'Too much', purpose: 'A typo', amount: justOver },
      ['amount.amount'],
    ],
    [
      'a year’s loss, a reserve and a line beyond the bound',
      'board',
      'POST',
      () => '/budgets/2027/closing',
      {
        netResult: eur('-1000000000.00'),
        legalReserve: justOver,
        remainder: [{ purpose: 'Indivisible reserve', amount: huge }],
      },
      ['netResult.amount', 'legalReserve.amount', 'remainder.0.amount.amount'],
    ],
    [
      'capital owed back to a leaving coop beyond the bound',
      'board',
      'POST',
      () => `/coops/${COOP_ID}/withdrawal/settlement`,
      { capitalOwed: huge },
      ['capitalOwed.amount'],
    ],
  ])('%s: a 400 naming each field', async (_, who, method, path, body, fields) => {
    const before = await written();
    const client = who === 'coop' ? coop.admin : consortium.board();
    expectInvalidFields(await client(method, path(), body), fields);
    expect(await written()).toEqual(before);
  });

  it('says what the bound is', async () => {
    const response = await coop.admin('POST', '/contributions', contribution({ amount: justOver }));
    expect(response.body).toMatchObject({
      errors: [{ field: 'amount.amount', message: 'amount must be at most 999999999.99' }],
    });
  });
});

describe('a member’s holding is at most one amount, whatever the legal form', () => {
  it('refuses an admission beyond it with a 422 naming the rule; nothing is written', async () => {
    const before = await written();
    const response = await coop.admin(
      'POST',
      '/members',
      admission({
        category: 'legal_person',
        shares: { count: 4, nominalValue: eur('333333333.33') },
        displayName: 'Holding SpA',
      }),
    );
    expectRuleViolation(response, 'member_holding_bound');
    expect(response.body).toMatchObject({ detail: expect.stringContaining('1333333333.32 EUR') });
    expect(await written()).toEqual(before);
  });

  it('refuses one more share to a member at the bound; the member stays as it was', async () => {
    const memberId = await admitAndSee(
      admission({ category: 'legal_person', shares: AT_THE_BOUND }),
    );
    const before = await written();
    expectRuleViolation(
      await coop.admin('POST', `/members/${memberId}/shares`, {
        subscribedOn: '2025-03-01',
        shares: { count: 1, nominalValue: eur('25.00') },
      }),
      'member_holding_bound',
    );
    expect(await written()).toEqual(before);
    expect((await coop.admin('GET', `/members/${memberId}`)).body).toMatchObject({
      shares: { count: 3, subscribed: eur(decimal(BOUND)) },
    });
    // Leaves, so that the figures below start from members who have left as well.
    await expectStatus(
      coop.admin('POST', `/members/${memberId}/payments`, {
        paidOn: '2025-03-01',
        amount: eur('999999999.99'),
      }),
    );
    await expectStatus(
      coop.admin('POST', `/members/${memberId}/withdrawal`, { requestedOn: '2025-06-01' }),
    );
  });
});

describe('the largest legal figures add up exactly, in the coop and in the consortium', () => {
  const MEMBERS_AT_THE_BOUND = 8;
  const LEGACY = 1_000_000n * 99_999_999_999_999n; // admitted before amounts were bounded
  let legacyMember: string;
  let lateMember: string;

  beforeAll(async () => {
    // A history from before the bound: the reported admission, recorded then as it was asked.
    legacyMember = randomUUID();
    await appendToStore(schemas, [
      coopEvents(COOP_ID).memberAdmitted(legacyMember, 'legal_person', {
        shares: 1_000_000,
        nominal: 99_999_999_999_999,
      }),
    ]);
    // Members at the holding bound, each paid up in full.
    for (let i = 0; i < MEMBERS_AT_THE_BOUND; i++) {
      const memberId = createdId(
        await coop.admin(
          'POST',
          '/members',
          admission({ category: 'legal_person', shares: AT_THE_BOUND }),
        ),
        'memberId',
      );
      await expectStatus(
        coop.admin('POST', `/members/${memberId}/payments`, {
          paidOn: '2025-03-01',
          amount: eur(decimal(BOUND)),
        }),
      );
    }
    // And one more afterwards, a worker with 4 shares of 50 EUR: the views still take it in.
    lateMember = await admitAndSee(admission());
  });

  // Active: the legacy member, the members at the bound, the late worker. Left: one at the bound.
  const subscribed = () => LEGACY + BigInt(MEMBERS_AT_THE_BOUND) * BOUND + 200_00n;
  const paid = () => BigInt(MEMBERS_AT_THE_BOUND) * BOUND;

  it('shows each member’s capital exactly, the one from before the bound too', async () => {
    const list = await coop.admin<{ items: { memberId: string; shares: unknown }[] }>(
      'GET',
      '/members?limit=500',
    );
    expect(list.status).toBe(200);
    const shares = Object.fromEntries(list.body.items.map((m) => [m.memberId, m.shares]));
    expect(shares[legacyMember]).toEqual({
      count: 1_000_000,
      subscribed: eur(decimal(LEGACY)),
      paid: eur('0.00'),
      reimbursed: eur('0.00'),
    });
    expect(shares[lateMember]).toMatchObject({ count: 4, subscribed: eur('200.00') });
    expect(Object.keys(shares)).toHaveLength(MEMBERS_AT_THE_BOUND + 3);
    expect((await coop.admin('GET', `/members/${legacyMember}`)).body).toMatchObject({
      shares: { subscribed: eur('999999999999990000.00') },
    });
  });

  it('sums the coop’s capital exactly in its membership summary', async () => {
    expect((await coop.admin('GET', '/membership/summary')).body).toMatchObject({
      members: { total: MEMBERS_AT_THE_BOUND + 2 },
      capital: {
        subscribed: eur(decimal(subscribed())),
        paid: eur(decimal(paid())),
        reimbursed: eur(decimal(BOUND)),
      },
    });
  });

  it('sums the coop’s capital exactly in the consortium’s registry', async () => {
    const expected = {
      coopId: COOP_ID,
      members: {
        total: MEMBERS_AT_THE_BOUND + 2,
        byCategory: { legal_person: MEMBERS_AT_THE_BOUND + 1, worker: 1 },
      },
      capital: { subscribed: eur(decimal(subscribed())), paid: eur(decimal(paid())) },
    };
    expect((await consortium.board()('GET', `/coops/${COOP_ID}`)).body).toMatchObject(expected);
    expect((await consortium.auditor('GET', '/coops')).body).toMatchObject({ items: [expected] });
  });

  it('leaves the consortium’s commands that wait for its views unharmed: a vote is recorded', async () => {
    const allocationId = randomUUID();
    await expectStatus(
      consortium.board()('POST', '/budgets/2027/allocations', {
        allocationId,
        title: 'Shared accounting service',
        purpose: 'Bookkeeping for the member coops',
        amount: eur('900.00'),
      }),
    );
    const started = Date.now();
    await expectStatus(
      consortium.board()('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
