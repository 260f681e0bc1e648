import { randomUUID } from 'node:crypto';
import { eventually, TestSchemas } from '../support/apps';
import { CoopUnderTest, createdId, startDescribedCoop } from './coop-app';
import { expectProblem, expectRuleViolation } from './problem-assertions';
import { contribution, eur, resource, sol } from './sample-requests';

// What the coop brings to the federation: contributions to the pooled fund (money or time,
// pledged or paid) and resources it shares. One app for the file.
const COOP_ID = 'casa-comune';
const schemas = new TestSchemas();
let coop: CoopUnderTest;

beforeAll(async () => {
  coop = await startDescribedCoop(schemas, COOP_ID);
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

interface Listed {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

/** The list once the projection has caught up with what the test expects of it. */
async function listed(path: string, check: (list: Listed) => void): Promise<Listed> {
  return eventually(async () => {
    const res = await coop.auditor('GET', path);
    expect(res.status).toBe(200);
    check(res.body as Listed);
    return res.body as Listed;
  });
}

const ids = (list: Listed, field: string) => list.items.map((item) => item[field]).sort();

describe('contributions to the pooled fund', () => {
  const record = async (overrides: Record<string, unknown>) =>
    createdId(
      await coop.admin('POST', '/contributions', contribution(overrides)),
      'contributionId',
    );
  let duesPledge: string;
  let solSales: string;
  let hours: string;
  let barter: string;

  it('POST /contributions records money in EUR or SOL, or time in hours', async () => {
    const res = await coop.admin(
      'POST',
      '/contributions',
      contribution({ kind: 'dues', amount: eur('120.50'), status: 'pledged' }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    duesPledge = createdId(res, 'contributionId');
    solSales = await record({ kind: 'sales', amount: sol('40.00'), source: 'market stall' });
    hours = await record({ kind: 'volunteering', amount: undefined, time: { hours: '3.5' } });
    // A non-monetary contribution may also carry money, as its valuation.
    barter = await record({ kind: 'barter', amount: eur('15.00') });
    await record({ kind: 'grant', amount: eur('5000.00'), period: '2025-04', theme: 'work' });
  });

  it('GET /contributions?period= lists that month’s contributions, each with its pillar', async () => {
    const march = await listed('/contributions?period=2025-03', (list) =>
      expect(list.items).toHaveLength(4),
    );

    expect(ids(march, 'contributionId')).toEqual([duesPledge, solSales, hours, barter].sort());
    const byId = Object.fromEntries(march.items.map((item) => [item.contributionId, item]));
    expect(byId[duesPledge]).toEqual({
      contributionId: duesPledge,
      kind: 'dues',
      pillar: 'market',
      amount: eur('120.50'),
      period: '2025-03',
      theme: 'mobility',
      source: null,
      status: 'pledged',
      recordedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      paidOn: null,
      version: 1,
    });
    expect(byId[solSales]).toMatchObject({
      pillar: 'market',
      amount: sol('40.00'),
      status: 'paid',
      source: 'market stall',
    });
    expect(byId[hours]).toMatchObject({ pillar: 'non_monetary', time: { hours: '3.50' } });
    expect(byId[hours]).not.toHaveProperty('amount');
    expect(byId[barter]).toMatchObject({ pillar: 'non_monetary', amount: eur('15.00') });

    const april = await listed('/contributions?period=2025-04', (list) =>
      expect(list.items).toHaveLength(1),
    );
    expect(april.items[0]).toMatchObject({ kind: 'grant', pillar: 'non_market', theme: 'work' });
    const all = await listed('/contributions', (list) => expect(list.items).toHaveLength(5));
    expect(all.nextCursor).toBeNull();
  });

  it('POST /contributions/{id}/payment: a pledge is paid, once', async () => {
    const paid = await coop.admin('POST', `/contributions/${duesPledge}/payment`, {
      paidOn: '2025-03-20',
    });

    expect(paid.status).toBe(201);
    expect(paid.headers.get('etag')).toBe('"2"');
    expect(paid.body).toMatchObject({
      contributionId: duesPledge,
      status: 'paid',
      paidOn: '2025-03-20',
      amount: eur('120.50'),
      version: 2,
    });
    expectProblem(
      await coop.admin('POST', `/contributions/${duesPledge}/payment`, { paidOn: '2025-03-21' }),
      409,
    );
    // Paid when recorded: there is no pledge to pay.
    expectProblem(await coop.admin('POST', `/contributions/${solSales}/payment`, {}), 409);
    await listed('/contributions?period=2025-03', (list) =>
      expect(list.items.find((item) => item.contributionId === duesPledge)).toMatchObject({
        status: 'paid',
        paidOn: '2025-03-20',
        version: 2,
      }),
    );
  });

  it('hours only for non-monetary kinds; nothing of zero', async () => {
    for (const kind of ['dues', 'grant', 'sales']) {
      expectRuleViolation(
        await coop.admin(
          'POST',
          '/contributions',
          contribution({ kind, amount: undefined, time: { hours: '2' } }),
        ),
        'time_only_for_non_monetary_kinds',
      );
    }
    expectRuleViolation(
      await coop.admin('POST', '/contributions', contribution({ amount: eur('0.00') })),
      'contribution_positive',
    );
  });

  it('a contribution id chosen by the client is recorded once', async () => {
    const contributionId = randomUUID();
    expect(
      (await coop.admin('POST', '/contributions', contribution({ contributionId }))).body,
    ).toEqual({ contributionId });
    expectProblem(
      await coop.admin('POST', '/contributions', contribution({ contributionId })),
      409,
    );
  });
});

describe('resources shared with the federation', () => {
  const share = async (overrides: Record<string, unknown>) =>
    createdId(await coop.admin('POST', '/resources', resource(overrides)), 'resourceId');
  let bike: string;
  let tools: string;
  let room: string;
  let training: string;

  it('POST /resources shares a resource on its terms', async () => {
    const res = await coop.admin('POST', '/resources', resource());
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    bike = createdId(res, 'resourceId');
    tools = await share({
      kind: 'equipment',
      title: 'Workshop tools',
      description: 'a full bench',
      terms: { type: 'at_cost', price: eur('12.00') },
    });
    room = await share({
      kind: 'space',
      title: 'Meeting room',
      themes: ['civic', 'work'],
      terms: { type: 'sol', price: sol('8.00') },
    });
    training = await share({
      kind: 'skill',
      title: 'Bike repair',
      terms: { type: 'hours', hours: '2' },
    });
  });

  it('GET /resources lists what is on offer, with its terms', async () => {
    const list = await listed('/resources', (l) => expect(l.items).toHaveLength(4));

    expect(ids(list, 'resourceId')).toEqual([bike, tools, room, training].sort());
    const byId = Object.fromEntries(list.items.map((item) => [item.resourceId, item]));
    expect(byId[bike]).toEqual({
      resourceId: bike,
      kind: 'vehicle',
      title: 'Cargo bike with trailer',
      description: null,
      themes: ['mobility'],
      terms: { type: 'free' },
      sharedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(byId[tools]).toMatchObject({
      description: 'a full bench',
      terms: { type: 'at_cost', price: eur('12.00') },
    });
    expect(byId[room]).toMatchObject({
      themes: ['civic', 'work'],
      terms: { type: 'sol', price: sol('8.00') },
    });
    expect(byId[training]).toMatchObject({ terms: { type: 'hours', hours: '2.00' } });
  });

  it('DELETE /resources/{id} withdraws it from the offer, once', async () => {
    const res = await coop.admin('DELETE', `/resources/${tools}`);

    expect(res.status).toBe(204);
    const list = await listed('/resources', (l) => expect(l.items).toHaveLength(3));
    expect(ids(list, 'resourceId')).toEqual([bike, room, training].sort());
    expectProblem(await coop.admin('DELETE', `/resources/${tools}`), 409);
  });

  it('a price is in the currency its terms name', async () => {
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/resources',
        resource({ terms: { type: 'at_cost', price: sol('5.00') } }),
      ),
      'terms_currency',
    );
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/resources',
        resource({ terms: { type: 'sol', price: eur('5.00') } }),
      ),
      'terms_currency',
    );
  });
});
