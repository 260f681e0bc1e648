import { CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { expectRuleViolation } from '../coop/problem-assertions';
import { eur, sol } from '../coop/sample-requests';
import { eventually, TestSchemas } from '../support/apps';
import {
  ConsortiumUnderTest,
  CURRENT_YEAR,
  expectStatus,
  month,
  startConsortium,
} from './consortium-app';
import { applyToConsortium, contribute, HABITAT, startCoops, VELO } from './member-coops';

// Issue 11: only admitted coops count, and only money is cash. On one event store: the consortium,
// a member coop (Velo), a coop that joins and leaves (Habitat), and a rogue coop app that never
// applied. What the rogue records, and what Habitat records once it has left, counts nowhere in
// the consortium's figures: it is shown apart (`notCounted`). Barter valued in SOL is shown
// apart from the cash, and the board cannot spend it.
jest.setTimeout(120_000);

const ROGUE = 'rogue-coop';
const schemas = new TestSchemas();
let consortium: ConsortiumUnderTest;
let velo: CoopUnderTest;
let habitat: CoopUnderTest;
let rogue: CoopUnderTest;

const zero = { pledged: '0.00', paid: '0.00' };
const lines = (eurLine: object, solLine: object = zero) => [
  { unit: 'EUR', ...eurLine },
  { unit: 'SOL', ...solLine },
  { unit: 'hours', ...zero },
];

beforeAll(async () => {
  [consortium, [velo, habitat], rogue] = await Promise.all([
    startConsortium(schemas),
    startCoops(schemas, VELO, HABITAT),
    startCoop(schemas, ROGUE),
  ]);
  const board = consortium.board();
  await applyToConsortium(velo, VELO);
  await applyToConsortium(habitat, HABITAT);
  await expectStatus(board('POST', `/coops/${VELO.coopId}/admission`, {}));
  await expectStatus(
    board('POST', `/coops/${HABITAT.coopId}/admission`, { override: { reason: 'pilot' } }),
  );

  // The rogue app never applies, yet takes 50,000 EUR of "grant" and a 900 SOL pledge.
  await contribute(rogue, { kind: 'grant', amount: eur('50000.00'), period: month('03') });
  await contribute(rogue, {
    kind: 'dues',
    amount: sol('900.00'),
    period: month('03'),
    status: 'pledged',
  });
  // Members: 100 EUR of dues from each; Velo's barter valued at 500 SOL (no money comes in).
  await contribute(velo, { kind: 'dues', amount: eur('100.00'), period: month('02') });
  await contribute(velo, { kind: 'barter', amount: sol('500.00'), period: month('02') });
  await contribute(habitat, { kind: 'dues', amount: eur('100.00'), period: month('02') });

  // Habitat leaves; what it records after its settlement is no longer a member's.
  await expectStatus(habitat.admin('POST', '/consortium/withdrawal', { reason: 'merging' }));
  await expectStatus(board('POST', `/coops/${HABITAT.coopId}/withdrawal/settlement`, {}));
  await contribute(habitat, { kind: 'sales', amount: eur('70.00'), period: month('04') });
});

afterAll(async () => {
  await Promise.all([
    consortium?.app.stop(),
    velo?.app.stop(),
    habitat?.app.stop(),
    rogue?.app.stop(),
  ]);
  await schemas.drop();
});

describe('only member coops count', () => {
  it('keeps the rogue coop and the withdrawn coop’s later money out of the pooled means, shown apart', async () => {
    const body = await eventually(async () => {
      const res = await consortium.board()<Record<string, unknown>>('GET', '/pooled-means');
      expect(res.body.notCounted).toHaveLength(2);
      return res.body;
    });
    expect(body).toMatchObject({
      totals: lines({ pledged: '0.00', paid: '200.00' }, { pledged: '0.00', paid: '500.00' }),
      byCoop: [
        { coopId: HABITAT.coopId, unit: 'EUR', pledged: '0.00', paid: '100.00' },
        { coopId: VELO.coopId, unit: 'EUR', pledged: '0.00', paid: '100.00' },
        { coopId: VELO.coopId, unit: 'SOL', pledged: '0.00', paid: '500.00' },
      ],
      byMonth: [
        { month: month('02'), unit: 'EUR', pledged: '0.00', paid: '200.00' },
        { month: month('02'), unit: 'SOL', pledged: '0.00', paid: '500.00' },
      ],
      notCounted: [
        {
          coopId: HABITAT.coopId,
          reason: 'withdrawn',
          totals: lines({ pledged: '0.00', paid: '70.00' }),
        },
        {
          coopId: ROGUE,
          reason: 'not_admitted',
          totals: lines({ pledged: '0.00', paid: '50000.00' }, { pledged: '900.00', paid: '0.00' }),
        },
      ],
    });
    // The rogue is no member coop; the withdrawn one keeps what it brought while a member.
    const coops = await consortium.board()<{ items: { coopId: string; contributions: unknown }[] }>(
      'GET',
      '/coops',
    );
    expect(coops.body.items.map((c) => c.coopId)).toEqual([HABITAT.coopId, VELO.coopId]);
    expect(coops.body.items[0].contributions).toEqual(lines({ pledged: '0.00', paid: '100.00' }));
  });

  it('gives the budget only the members’ money as cash, the barter’s valuation apart', async () => {
    const board = consortium.board();
    const opened = await expectStatus(board('POST', '/budgets', { periodId: CURRENT_YEAR }));
    expect(opened.body).toMatchObject({
      income: [
        { unit: 'EUR', pledged: '0.00', paid: '200.00' },
        { unit: 'SOL', pledged: '0.00', paid: '0.00' },
      ],
      nonMonetaryValuation: [
        { unit: 'EUR', pledged: '0.00', paid: '0.00' },
        { unit: 'SOL', pledged: '0.00', paid: '500.00' },
      ],
      cash: [
        { currency: 'EUR', received: '200.00', disbursed: '0.00', balance: '200.00' },
        { currency: 'SOL', received: '0.00', disbursed: '0.00', balance: '0.00' },
      ],
      available: [eur('200.00'), sol('0.00')],
    });
  });

  it('refuses to approve spending money that never came in: barter, or the rogue’s', async () => {
    const [first, second] = [consortium.board('board-1'), consortium.board('board-2')];
    const propose = async (title: string, amount: { amount: string; currency: string }) =>
      createdId(
        await first('POST', `/budgets/${CURRENT_YEAR}/allocations`, {
          title,
          purpose: `${title} for the member coops`,
          amount,
        }),
        'allocationId',
      );
    const approve = async (allocationId: string) => {
      await expectStatus(first('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }));
      return second('POST', `/allocations/${allocationId}/votes`, { vote: 'for' });
    };
    // 500 SOL of barter, valued: not one SOL to spend.
    expectRuleViolation(
      await approve(await propose('Paid in barter', sol('10.00'))),
      'allocation_within_available_balance',
    );
    // 200 EUR came in from members; the rogue's 50,000 never did.
    expectRuleViolation(
      await approve(await propose('Paid by the rogue', eur('200.01'))),
      'allocation_within_available_balance',
    );
    expect((await approve(await propose('Within the cash', eur('200.00')))).body).toMatchObject({
      status: 'approved',
    });
    expect((await first('GET', `/budgets/${CURRENT_YEAR}`)).body).toMatchObject({
      available: [eur('0.00'), sol('0.00')],
    });
  });

  it('counts neither in the SOL share of compliance', async () => {
    // The members' 200 EUR and 500 SOL paid: 0.7143 (with the rogue's 50,000 EUR, 0.0099).
    const { body } = await expectStatus(consortium.auditor('GET', '/compliance'), 200);
    expect(body).toMatchObject({
      consortium: expect.arrayContaining([
        expect.objectContaining({ rule: 'sol_share_at_most_20pct', value: '0.7143' }),
      ]),
    });
  });

  it('documents what is kept aside, and the budget’s cash, in its OpenAPI document', async () => {
    const doc = (await (await fetch(`${consortium.app.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const fieldsOf = (path: string, status: string) => {
      const response = doc.paths[path].get.responses[status] as {
        content: { 'application/json': { schema: { $ref: string } } };
      };
      const name = response.content['application/json'].schema.$ref.split('/').pop()!;
      return Object.keys(doc.components.schemas[name].properties);
    };
    expect(fieldsOf('/pooled-means', '200')).toEqual(
      expect.arrayContaining(['totals', 'byCoop', 'notCounted']),
    );
    expect(fieldsOf('/budgets/{periodId}', '200')).toEqual(
      expect.arrayContaining(['income', 'nonMonetaryValuation', 'cash', 'available']),
    );
  });
});
