import { CoopUnderTest, createdId } from '../coop/coop-app';
import {
  expectInvalidFields,
  expectProblem,
  expectRuleViolation,
} from '../coop/problem-assertions';
import { eur, sol } from '../coop/sample-requests';
import { eventually, TestSchemas, tokenFor } from '../support/apps';
import { ConsortiumUnderTest, daysAgo, expectStatus, startConsortium } from './consortium-app';
import { applyToConsortium, contribute, startCoops, VELO } from './member-coops';

// Issue 16: the consortium's books. A period of some forty days, on real apps: a member coop's
// contributions (money, and barter that is no cash), two grants (one awarded and received in two
// parts, one refused), a donation and sales, three allocations approved and disbursed in parts.
// Every figure of the budget and the ledger is exact, and the ledger's CSV sums to the cash.
jest.setTimeout(120_000);

const schemas = new TestSchemas();
let consortium: ConsortiumUnderTest;
let velo: CoopUnderTest;

const PERIOD = 'books-e2e';
const startsOn = daysAgo(40);
const endsOn = daysAgo(-1);
const THIS_MONTH = daysAgo(0).slice(0, 7);
const ids: Record<string, string> = {};

beforeAll(async () => {
  [consortium, [velo]] = await Promise.all([startConsortium(schemas), startCoops(schemas, VELO)]);
  await applyToConsortium(velo, VELO);
  await expectStatus(consortium.board()('POST', `/coops/${VELO.coopId}/admission`, {}));
  // 1,250.50 EUR and 300 SOL of money; 400 SOL of barter, valued, never cash.
  ids.dues = await contribute(velo, { kind: 'dues', amount: eur('1000.00'), period: THIS_MONTH });
  await contribute(velo, { kind: 'sales', amount: eur('250.50'), period: THIS_MONTH });
  await contribute(velo, { kind: 'dues', amount: sol('300.00'), period: THIS_MONTH });
  await contribute(velo, { kind: 'barter', amount: sol('400.00'), period: THIS_MONTH });
  // A pledge the coop counted on a regional grant to pay: the grant will be refused.
  ids.pledge = await contribute(velo, {
    kind: 'grant',
    amount: eur('5000.00'),
    period: THIS_MONTH,
    status: 'pledged',
  });
});

afterAll(async () => {
  await Promise.all([consortium?.app.stop(), velo?.app.stop()]);
  await schemas.drop();
});

const board = () => consortium.board();

describe('the consortium’s own income and funding calls', () => {
  it('follows two calls: one awarded and received in two parts, one refused', async () => {
    const apply = (body: object) => board()('POST', '/funding-applications', body);
    ids.cariplo = createdId(
      await apply({
        funder: 'Fondazione Cariplo',
        call: 'Welfare di comunità',
        kind: 'grant',
        requested: eur('20000.00'),
        deadline: daysAgo(35),
        theme: 'civic',
      }),
      'applicationId',
    );
    ids.eu = createdId(
      await apply({
        funder: 'European Commission',
        call: 'ESF+ social innovation',
        kind: 'eu_call',
        requested: eur('50000.00'),
        deadline: daysAgo(33),
      }),
      'applicationId',
    );
    ids.open = createdId(
      await apply({
        funder: 'Regione Emilia-Romagna',
        call: 'Economia sociale',
        kind: 'public_partnership',
        requested: eur('9000.00'),
        deadline: daysAgo(-20),
      }),
      'applicationId',
    );
    await expectStatus(
      board()('POST', `/funding-applications/${ids.cariplo}/decision`, {
        outcome: 'awarded',
        decidedOn: daysAgo(32),
        awarded: eur('15000.00'),
        reportingDueOn: daysAgo(-60),
      }),
    );
    await expectStatus(
      board()('POST', `/funding-applications/${ids.eu}/decision`, {
        outcome: 'refused',
        decidedOn: daysAgo(31),
      }),
    );
    // Decided once.
    expectProblem(
      await board()('POST', `/funding-applications/${ids.eu}/decision`, {
        outcome: 'awarded',
        decidedOn: daysAgo(31),
        awarded: eur('1.00'),
      }),
      409,
    );

    const income = (body: object, headers: Record<string, string> = {}) =>
      board()('POST', '/income', body, headers);
    const grantPart = (amount: string, day: number) => ({
      kind: 'grant',
      amount: eur(amount),
      receivedOn: daysAgo(day),
      funder: 'Fondazione Cariplo',
      applicationId: ids.cariplo,
    });
    // The first part, retried with its Idempotency-Key: recorded once.
    const key = { 'Idempotency-Key': 'cariplo-part-1' };
    const first = await income(grantPart('10000.00', 30), key);
    const retried = await income(grantPart('10000.00', 30), key);
    expect(retried.body).toEqual(first.body);
    await expectStatus(income(grantPart('5000.00', 20)));
    // Never more than the award; the refused call brings nothing.
    expectRuleViolation(await income(grantPart('0.01', 19)), 'income_within_award');
    expectRuleViolation(
      await income({ ...grantPart('100.00', 19), applicationId: ids.eu }),
      'income_from_awarded_application',
    );
    await expectStatus(
      income({
        kind: 'donation',
        amount: eur('1200.00'),
        receivedOn: daysAgo(25),
        funder: 'A. Bianchi',
      }),
    );
    await expectStatus(
      income({
        kind: 'sales',
        amount: eur('345.67'),
        receivedOn: daysAgo(15),
        funder: 'Mercato di Campagna',
      }),
    );
  });

  it('lists the calls by deadline, filtered by status, deadline and reporting date', async () => {
    const list = async (query: string) => {
      const res = await expectStatus<{ items: { applicationId: string }[] }>(
        consortium.auditor('GET', `/funding-applications${query}`),
        200,
      );
      return res.body.items.map((item) => item.applicationId);
    };
    await eventually(async () => expect(await list('?status=awarded')).toEqual([ids.cariplo]));
    expect(await list('')).toEqual([ids.cariplo, ids.eu, ids.open]);
    expect(await list('?status=refused')).toEqual([ids.eu]);
    expect(await list(`?deadlineBefore=${daysAgo(0)}`)).toEqual([ids.cariplo, ids.eu]);
    expect(await list(`?reportingDueBefore=${daysAgo(-61)}`)).toEqual([ids.cariplo]);
    const awarded = await consortium.auditor<{ items: object[] }>(
      'GET',
      '/funding-applications?status=awarded',
    );
    expect(awarded.body.items[0]).toMatchObject({
      status: 'awarded',
      awarded: eur('15000.00'),
      received: eur('15000.00'),
      reportingDueOn: daysAgo(-60),
    });
    const page = await expectStatus<{ items: object[]; nextCursor: string }>(
      consortium.auditor('GET', '/funding-applications?limit=2'),
      200,
    );
    expect(page.body.items).toHaveLength(2);
    const next = await consortium.auditor<{ items: { applicationId: string }[] }>(
      'GET',
      `/funding-applications?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items.map((i) => i.applicationId)).toEqual([ids.open]);
  });
});

describe('disbursements and budget against actual', () => {
  const disburse = (allocationId: string, body: object) =>
    board()('POST', `/allocations/${allocationId}/disbursements`, body);
  /** A payment's body: `amount` on the day `days` ago, to a payee, with its reference. */
  const payment = (amount: object, days: number, payee: object, reference: string) => ({
    amount,
    paidOn: daysAgo(days),
    payee,
    reference,
  });

  it('approves three allocations and pays them in parts, never beyond them nor the cash', async () => {
    await expectStatus(board()('POST', '/budgets', { periodId: PERIOD, startsOn, endsOn }));
    const propose = async (title: string, amount: object, theme: string) =>
      createdId(
        await board()('POST', `/budgets/${PERIOD}/allocations`, {
          title,
          purpose: `${title} for the member coops`,
          amount,
          theme,
        }),
        'allocationId',
      );
    const approve = async (allocationId: string) => {
      await expectStatus(
        consortium.board('board-1')('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }),
      );
      const decided = await consortium.board('board-2')(
        'POST',
        `/allocations/${allocationId}/votes`,
        {
          vote: 'for',
        },
      );
      expect(decided.body).toMatchObject({ status: 'approved' });
    };
    // The read models must have the income before the board approves against it.
    await eventually(async () =>
      expect((await board()<{ cash: object[] }>('GET', `/budgets/${PERIOD}`)).body.cash).toEqual([
        { currency: 'EUR', received: '17796.17', disbursed: '0.00', balance: '17796.17' },
        { currency: 'SOL', received: '300.00', disbursed: '0.00', balance: '300.00' },
      ]),
    );
    ids.accounting = await propose('Shared accounting', eur('8000.00'), 'mobility');
    ids.bikes = await propose('Cargo bikes', eur('6000.00'), 'civic');
    ids.training = await propose('Trainers', sol('200.00'), 'work');
    ids.pending = await propose('Not voted yet', eur('10.00'), 'work');
    for (const id of [ids.accounting, ids.bikes, ids.training]) await approve(id);

    // Not approved: a conflict.
    expectProblem(
      await disburse(ids.pending, payment(eur('1.00'), 1, { name: 'Anyone' }, 'X')),
      409,
    );
    // Before any money came in (the first grant part came 30 days ago): no cash to pay with.
    expectRuleViolation(
      await disburse(ids.bikes, payment(eur('1.00'), 35, { coopId: VELO.coopId }, 'TOO-EARLY')),
      'insufficient_cash',
    );
    await expectStatus(
      disburse(ids.accounting, payment(eur('3000.00'), 10, { name: 'Studio Rossi' }, 'INV-1')),
    );
    await expectStatus(
      disburse(ids.bikes, payment(eur('2500.00'), 5, { coopId: VELO.coopId }, 'BIKES-1')),
    );
    await expectStatus(
      disburse(ids.accounting, payment(eur('4000.00'), 0, { name: 'Studio Rossi' }, 'INV-2')),
    );
    await expectStatus(
      disburse(ids.training, payment(sol('150.00'), 0, { name: 'Formatori Associati' }, 'TR-1')),
    );
    // 1,000.00 left on the accounting allocation: one cent more is refused.
    expectRuleViolation(
      await disburse(ids.accounting, payment(eur('1000.01'), 0, { name: 'Studio Rossi' }, 'INV-3')),
      'disbursement_exceeds_allocation',
    );
    // Another currency than the allocation's, and a payee that is both or neither.
    expectRuleViolation(
      await disburse(ids.accounting, payment(sol('1.00'), 0, { name: 'Studio Rossi' }, 'INV-3')),
      'disbursement_currency',
    );
    expectRuleViolation(
      await disburse(
        ids.accounting,
        payment(eur('1.00'), 0, { name: 'Studio Rossi', coopId: VELO.coopId }, 'INV-3'),
      ),
      'payee',
    );
    expectProblem(
      await consortium.auditor(
        'POST',
        `/allocations/${ids.accounting}/disbursements`,
        payment(eur('1.00'), 0, { name: 'Studio Rossi' }, 'INV-3'),
      ),
      403,
    );
  });

  it('shows every figure of the budget exactly: cash, per allocation, per theme', async () => {
    const view = await eventually(async () => {
      const res = await board()<{ cash: object[] }>('GET', `/budgets/${PERIOD}`);
      expect(res.body.cash).toEqual([
        { currency: 'EUR', received: '17796.17', disbursed: '9500.00', balance: '8296.17' },
        { currency: 'SOL', received: '300.00', disbursed: '150.00', balance: '150.00' },
      ]);
      return res.body;
    });
    expect(view).toMatchObject({
      asOf: daysAgo(0),
      nonMonetaryValuation: [
        { unit: 'EUR', pledged: '0.00', paid: '0.00' },
        { unit: 'SOL', pledged: '0.00', paid: '400.00' },
      ],
      // Cash less what the approved allocations still owe (1,000 + 3,500 EUR; 50 SOL).
      available: [eur('3796.17'), sol('100.00')],
      allocations: [
        { allocationId: ids.accounting, amount: eur('8000.00'), disbursed: eur('7000.00') },
        { allocationId: ids.bikes, amount: eur('6000.00'), disbursed: eur('2500.00') },
        { allocationId: ids.training, amount: sol('200.00'), disbursed: sol('150.00') },
        { allocationId: ids.pending, status: 'proposed', disbursed: eur('0.00') },
      ],
      byTheme: [
        { theme: 'civic', currency: 'EUR', approved: '6000.00', disbursed: '2500.00' },
        { theme: 'mobility', currency: 'EUR', approved: '8000.00', disbursed: '7000.00' },
        { theme: 'work', currency: 'SOL', approved: '200.00', disbursed: '150.00' },
      ],
    });
  });

  it('reads the earlier cash as of a day before the last disbursements', async () => {
    // Yesterday: the grant, the donation and the sales were in, the coop's money (recorded today)
    // not yet; 3,000 + 2,500 EUR were paid out, today's 4,000 EUR and 150 SOL not yet.
    const { body } = await expectStatus<{ cash: object[]; allocations: object[] }>(
      consortium.auditor('GET', `/budgets/${PERIOD}?asOf=${daysAgo(1)}`),
      200,
    );
    expect(body.cash).toEqual([
      { currency: 'EUR', received: '16545.67', disbursed: '5500.00', balance: '11045.67' },
      { currency: 'SOL', received: '0.00', disbursed: '0.00', balance: '0.00' },
    ]);
    expect(body.allocations[0]).toMatchObject({ disbursed: eur('3000.00') });
    expectProblem(await board()('GET', `/budgets/${PERIOD}?asOf=yesterday`), 400);
  });
});

describe('the ledger', () => {
  const range = `from=${startsOn}&to=${endsOn}`;

  it('lists every movement in and out, in JSON pages', async () => {
    const all: Record<string, unknown>[] = [];
    let cursor = '';
    do {
      const page = await expectStatus<{
        items: Record<string, unknown>[];
        nextCursor: string | null;
      }>(
        consortium.auditor('GET', `/ledger?${range}&limit=4${cursor && `&cursor=${cursor}`}`),
        200,
      );
      all.push(...page.body.items);
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    expect(
      all.map((l) => [l.date, l.direction, l.kind, l.counterpart, l.currency, l.amount]),
    ).toEqual([
      [daysAgo(30), 'in', 'grant', 'Fondazione Cariplo', 'EUR', '10000.00'],
      [daysAgo(25), 'in', 'donation', 'A. Bianchi', 'EUR', '1200.00'],
      [daysAgo(20), 'in', 'grant', 'Fondazione Cariplo', 'EUR', '5000.00'],
      [daysAgo(15), 'in', 'sales', 'Mercato di Campagna', 'EUR', '345.67'],
      [daysAgo(10), 'out', 'disbursement', 'Studio Rossi', 'EUR', '3000.00'],
      [daysAgo(5), 'out', 'disbursement', VELO.coopId, 'EUR', '2500.00'],
      // Each of the member coop's payments, its barter left out (no cash).
      [daysAgo(0), 'in', 'contribution', VELO.coopId, 'EUR', '1000.00'],
      [daysAgo(0), 'in', 'contribution', VELO.coopId, 'EUR', '250.50'],
      [daysAgo(0), 'in', 'contribution', VELO.coopId, 'SOL', '300.00'],
      [daysAgo(0), 'out', 'disbursement', 'Studio Rossi', 'EUR', '4000.00'],
      [daysAgo(0), 'out', 'disbursement', 'Formatori Associati', 'SOL', '150.00'],
    ]);
    expect(all[5]).toMatchObject({ coopId: VELO.coopId, reference: 'BIKES-1' });
    expect(all[0]).toMatchObject({ reference: ids.cariplo, eventId: expect.any(String) });
    expect(all[6]).toMatchObject({ coopId: VELO.coopId, reference: ids.dues });
    expect(new Set(all.map((line) => line.eventId)).size).toBe(all.length);
    expectProblem(await consortium.coopAdmin(VELO.coopId)('GET', `/ledger?${range}`), 403);
  });

  it('gives the accountant a CSV whose sums equal the budget’s cash', async () => {
    const response = await fetch(`${consortium.app.url}/ledger?${range}`, {
      headers: {
        accept: 'text/csv',
        authorization: `Bearer ${tokenFor({ sub: 'auditor-1', role: 'auditor' })}`,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe('date,direction,kind,counterpart,coopId,currency,amount,reference,eventId');
    // Summed in hundredths, as an accountant's spreadsheet would in cents.
    const sums: Record<string, bigint> = {};
    for (const row of rows) {
      const [, direction, , , , currency, amount] = row.split(',');
      const key = `${currency}/${direction}`;
      sums[key] = (sums[key] ?? 0n) + BigInt(amount.replace('.', ''));
    }
    const cents = (value: string) => BigInt(value.replace('.', ''));
    const { body } = await board()<{
      cash: { currency: string; received: string; disbursed: string; balance: string }[];
    }>('GET', `/budgets/${PERIOD}`);
    for (const line of body.cash) {
      expect(sums[`${line.currency}/in`] ?? 0n).toBe(cents(line.received));
      expect(sums[`${line.currency}/out`] ?? 0n).toBe(cents(line.disbursed));
      expect((sums[`${line.currency}/in`] ?? 0n) - (sums[`${line.currency}/out`] ?? 0n)).toBe(
        cents(line.balance),
      );
    }
    expect(rows).toHaveLength(11);
  });

  it('reads only the days asked for', async () => {
    const days = async (from: string, to: string) => {
      const { body } = await expectStatus<{ items: { date: string; amount: string }[] }>(
        consortium.auditor('GET', `/ledger?from=${from}&to=${to}`),
        200,
      );
      return body.items.map((line) => [line.date, line.amount]);
    };
    expect(await days(daysAgo(25), daysAgo(15))).toEqual([
      [daysAgo(25), '1200.00'],
      [daysAgo(20), '5000.00'],
      [daysAgo(15), '345.67'],
    ]);
    expect(await days(daysAgo(4), daysAgo(1))).toEqual([]);
    expectInvalidFields(
      await consortium.auditor('GET', `/ledger?from=${daysAgo(1)}&to=${daysAgo(2)}`),
      ['to'],
    );
  });
});

describe('a pledge that will not be paid', () => {
  const pledged = async () => {
    const [pooled, budget, coop] = await Promise.all([
      board()<{ totals: { unit: string; pledged: string }[] }>('GET', '/pooled-means'),
      board()<{ income: { unit: string; pledged: string }[] }>('GET', `/budgets/${PERIOD}`),
      board()<{ contributions: { unit: string; pledged: string }[] }>(
        'GET',
        `/coops/${VELO.coopId}`,
      ),
    ]);
    const eurOf = (lines: { unit: string; pledged: string }[]) =>
      lines.find((line) => line.unit === 'EUR')!.pledged;
    return [eurOf(pooled.body.totals), eurOf(budget.body.income), eurOf(coop.body.contributions)];
  };

  it('is cancelled by the coop and leaves the pledged totals everywhere', async () => {
    expect(await pledged()).toEqual(['5000.00', '5000.00', '5000.00']);
    expectProblem(await velo.admin('POST', `/contributions/${ids.pledge}/cancellation`, {}), 400);
    const cancelled = await expectStatus(
      velo.admin('POST', `/contributions/${ids.pledge}/cancellation`, {
        reason: 'the regional grant was refused',
      }),
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', amount: eur('5000.00') });
    // Cancelled once; a cancelled pledge is paid no more.
    expectProblem(
      await velo.admin('POST', `/contributions/${ids.pledge}/cancellation`, { reason: 'again' }),
      409,
    );
    expectProblem(await velo.admin('POST', `/contributions/${ids.pledge}/payment`, {}), 409);
    await eventually(async () => expect(await pledged()).toEqual(['0.00', '0.00', '0.00']));
    const mine = await velo.admin<{ items: { contributionId: string; status: string }[] }>(
      'GET',
      '/contributions',
    );
    expect(mine.body.items.find((c) => c.contributionId === ids.pledge)).toMatchObject({
      status: 'cancelled',
    });
    // The cash never counted it: unchanged.
    expect((await board()<{ cash: object[] }>('GET', `/budgets/${PERIOD}`)).body.cash[0]).toEqual({
      currency: 'EUR',
      received: '17796.17',
      disbursed: '9500.00',
      balance: '8296.17',
    });
  });
});

describe('the books’ endpoints', () => {
  it('let the board write, the board and auditors read, nobody else', async () => {
    const income = {
      kind: 'donation',
      amount: eur('1.00'),
      receivedOn: daysAgo(0),
      funder: 'Anyone',
    };
    expectProblem(await consortium.auditor('POST', '/income', income), 403);
    expectProblem(await consortium.coopAdmin(VELO.coopId)('POST', '/income', income), 403);
    expectProblem(await consortium.anonymous('GET', '/funding-applications'), 401);
    expectProblem(await consortium.coopAdmin(VELO.coopId)('GET', '/funding-applications'), 403);
    expectProblem(await board()('POST', '/income', { ...income, amount: eur('1.001') }), 400);
    expectProblem(await board()('POST', '/income', { ...income, kind: 'lottery' }), 400);
    expectProblem(await board()('POST', '/income', { ...income, applicationId: ids.pledge }), 404);
  });

  it('document their answers and refusals in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${consortium.app.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const schemaOf = (path: string, method: string, status: string) =>
      (
        doc.paths[path][method].responses[status] as {
          content: { 'application/json': { schema: { $ref: string } } };
        }
      ).content['application/json'].schema.$ref
        .split('/')
        .pop();
    expect(schemaOf('/income', 'post', '201')).toBe('IncomeIdResponse');
    expect(schemaOf('/funding-applications', 'post', '201')).toBe('ApplicationIdResponse');
    expect(schemaOf('/funding-applications', 'get', '200')).toBe('FundingApplicationPage');
    expect(schemaOf('/allocations/{id}/disbursements', 'post', '201')).toBe(
      'DisbursementIdResponse',
    );
    expect(schemaOf('/ledger', 'get', '200')).toBe('LedgerPage');
    expect(Object.keys(doc.paths['/allocations/{id}/disbursements'].post.responses)).toEqual(
      expect.arrayContaining(['409', '422']),
    );
  });
});

describe('two payments at once', () => {
  it('never both pass when together they go beyond the allocation', async () => {
    // 3,500.00 EUR are left on the cargo bikes; each payment alone fits, both would not.
    const pay = (reference: string) =>
      board()('POST', `/allocations/${ids.bikes}/disbursements`, {
        amount: eur('2000.00'),
        paidOn: daysAgo(0),
        payee: { coopId: VELO.coopId },
        reference,
      });
    const answers = await Promise.all([pay('RACE-1'), pay('RACE-2')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expectRuleViolation(
      answers.find((a) => a.status === 422)!,
      'disbursement_exceeds_allocation',
    );
    await eventually(async () => {
      const { body } = await board()<{
        allocations: { allocationId: string; disbursed: object }[];
      }>('GET', `/budgets/${PERIOD}`);
      expect(body.allocations.find((a) => a.allocationId === ids.bikes)?.disbursed).toEqual(
        eur('4500.00'),
      );
    });
  });
});
