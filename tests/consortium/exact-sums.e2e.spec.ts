import { randomUUID } from 'node:crypto';
import {
  ContributionKind,
  formatHundredths,
  MAX_AMOUNT_HUNDREDTHS,
  pillarOf,
  THEMES,
  Unit,
} from '@libs/contracts';
import { ratioString } from '@libs/rules';
import { TestSchemas, tokenFor } from '../support/apps';
import {
  caughtUp,
  ConsortiumUnderTest,
  CURRENT_YEAR,
  daysAgo,
  expectStatus,
  month,
  noonDaysAgo,
  startConsortium,
} from './consortium-app';
import { coopEvents, StreamEvent } from './federation-events';
import { writeMembersHistory } from './members-history';
import { checkedFetch } from '../support/openapi-conformance';

// Issue 11: every sum exact, whatever the number of movements. Two member coops record 100,000
// contributions of the largest amount the federation takes (999,999,999.99): their sums pass
// 2^53 hundredths, past what a float holds to the cent. The events go straight into the store,
// as the coop apps would have appended them; the consortium starts on it and every view is
// compared with BigInt arithmetic. Half the history is two days old, for `asOf`.
jest.setTimeout(120_000);

const COUNT = 100_000;
const LARGEST = BigInt(MAX_AMOUNT_HUNDREDTHS);
const COOPS = ['habitat-partage', 'velo-solidaire'];
const KINDS: ContributionKind[] = ['dues', 'grant', 'sales', 'eu_call'];
const UNIT_ORDER: Unit[] = ['EUR', 'SOL', 'hours'];

interface Contribution {
  coopId: string;
  unit: 'EUR' | 'SOL';
  kind: ContributionKind;
  theme: string;
  month: string;
  pledged: boolean;
  old: boolean;
}

/** The i-th contribution: one in 25 in SOL, one in 50 a pledge, the first half two days old. */
function nth(i: number): Contribution {
  return {
    coopId: COOPS[i % COOPS.length],
    unit: i % 25 === 4 ? 'SOL' : 'EUR',
    kind: KINDS[i % KINDS.length],
    theme: THEMES[i % THEMES.length],
    month: month(String((i % 12) + 1).padStart(2, '0')),
    pledged: i % 50 === 3,
    old: i < COUNT / 2,
  };
}

const history = Array.from({ length: COUNT }, (_, i) => nth(i));

type Line = { pledged: bigint; paid: bigint };

/** What the board must read, summed with BigInt: per unit and, per dimension, per key and unit. */
function expected(upToOld: boolean) {
  const sums = new Map<string, Map<string, Line>>();
  const add = (dimension: string, key: string, c: Contribution) => {
    const lines = sums.get(dimension) ?? new Map<string, Line>();
    sums.set(dimension, lines);
    const id = `${key}\u0000${c.unit}`;
    const line = lines.get(id) ?? { pledged: 0n, paid: 0n };
    if (c.pledged) line.pledged += LARGEST;
    else line.paid += LARGEST;
    lines.set(id, line);
  };
  for (const c of history) {
    if (upToOld && !c.old) continue;
    add('totals', '', c);
    add('coopId', c.coopId, c);
    add('kind', c.kind, c);
    add('pillar', pillarOf(c.kind), c);
    add('theme', c.theme, c);
    add('month', c.month, c);
  }
  /** Lines as the API writes them: by key, then EUR, SOL, hours. */
  const grouped = (dimension: string) =>
    [...(sums.get(dimension) ?? new Map<string, Line>())]
      .map(([id, line]) => {
        const [key, unit] = id.split('\u0000');
        return { key, unit: unit as Unit, line };
      })
      .sort((a, b) =>
        a.key === b.key
          ? UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit)
          : a.key < b.key
            ? -1
            : 1,
      )
      .map(({ key, unit, line }) => ({
        [dimension]: key,
        unit,
        pledged: formatHundredths(line.pledged),
        paid: formatHundredths(line.paid),
      }));
  const total = (unit: Unit): Line =>
    sums.get('totals')?.get(`\u0000${unit}`) ?? { pledged: 0n, paid: 0n };
  return { grouped, total };
}

const unitLines = (total: (unit: Unit) => Line) =>
  UNIT_ORDER.map((unit) => ({
    unit,
    pledged: formatHundredths(total(unit).pledged),
    paid: formatHundredths(total(unit).paid),
  }));

const schemas = new TestSchemas();
let consortium: ConsortiumUnderTest;

// Applying 100,000 events takes ~30 s on a quiet machine; a loaded CI runner may take several times that.
const CATCH_UP_MS = 180_000;

beforeAll(async () => {
  const contributions: StreamEvent[] = history.map((c) =>
    coopEvents(c.coopId).contributionRecorded(
      randomUUID(),
      { unit: c.unit, hundredths: MAX_AMOUNT_HUNDREDTHS },
      {
        kind: c.kind,
        theme: c.theme as (typeof THEMES)[number],
        period: c.month,
        status: c.pledged ? 'pledged' : 'paid',
        occurredAt: c.old ? noonDaysAgo(2) : new Date(),
      },
    ),
  );
  await writeMembersHistory(schemas, COOPS, contributions);
  consortium = await startConsortium(schemas);
  await caughtUp(consortium, 'pooled_means', CATCH_UP_MS);
}, CATCH_UP_MS + 60_000);

afterAll(async () => {
  await consortium?.app.stop();
  await schemas.drop();
});

describe('100,000 contributions of 999,999,999.99', () => {
  it('add up to the cent in the pooled means, past 2^53 hundredths', async () => {
    const { grouped, total } = expected(false);
    expect(total('EUR').paid > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const { body } = await expectStatus(consortium.board()('GET', '/pooled-means'), 200);
    expect(body).toMatchObject({
      asOf: daysAgo(0),
      totals: unitLines(total),
      byCoop: grouped('coopId'),
      byKind: grouped('kind'),
      byPillar: grouped('pillar'),
      byTheme: grouped('theme'),
      byMonth: grouped('month'),
      solShare: ratioString(total('SOL').paid, total('SOL').paid + total('EUR').paid),
      notCounted: [],
    });
    // Each month broken down by pillar adds up, exactly, to the month.
    const byMonthAndPillar = (body as { byMonthAndPillar: { month: string; paid: string }[] })
      .byMonthAndPillar;
    const paidIn = (m: string) =>
      byMonthAndPillar
        .filter((line) => line.month === m)
        .reduce((sum, line) => sum + BigInt(line.paid.replace('.', '')), 0n);
    for (const line of grouped('month').filter((l) => l.unit === 'EUR')) {
      const sol = grouped('month').find((l) => l.month === line.month && l.unit === 'SOL');
      const cents = (text = '0.00') => BigInt(text.replace('.', ''));
      expect(formatHundredths(paidIn(line.month as string))).toBe(
        formatHundredths(cents(line.paid) + cents(sol?.paid)),
      );
    }
  });

  it('add up to the cent as of an earlier day', async () => {
    const { grouped, total } = expected(true);
    const { body } = await expectStatus(
      consortium.board()('GET', `/pooled-means?asOf=${daysAgo(1)}`),
      200,
    );
    expect(body).toMatchObject({
      asOf: daysAgo(1),
      totals: unitLines(total),
      byCoop: grouped('coopId'),
      byMonth: grouped('month'),
    });
  });

  it('give each coop its contributions to date, to the cent', async () => {
    const perCoop = (coopId: string) => {
      const lines = expected(false).grouped('coopId');
      const of = (unit: Unit) => lines.find((l) => l.coopId === coopId && l.unit === unit);
      return UNIT_ORDER.map((unit) => ({
        unit,
        pledged: of(unit)?.pledged ?? '0.00',
        paid: of(unit)?.paid ?? '0.00',
      }));
    };
    const { body } = await expectStatus(consortium.board()('GET', '/coops'), 200);
    expect(body).toMatchObject({
      items: COOPS.map((coopId) => ({ coopId, contributions: perCoop(coopId) })),
    });
    expect((await consortium.board()('GET', `/coops/${COOPS[1]}`)).body).toMatchObject({
      contributions: perCoop(COOPS[1]),
    });
  });

  it('give this year’s budget its income, cash and available balance, to the cent', async () => {
    const { total } = expected(false);
    const budget = await expectStatus(
      consortium.board()('POST', '/budgets', { periodId: CURRENT_YEAR }),
    );
    const money = (['EUR', 'SOL'] as const).map((unit) => ({
      unit,
      pledged: formatHundredths(total(unit).pledged),
      paid: formatHundredths(total(unit).paid),
    }));
    expect(budget.body).toMatchObject({
      income: money,
      cash: money.map(({ unit, paid }) => ({
        currency: unit,
        received: paid,
        disbursed: '0.00',
        balance: paid,
      })),
      available: money.map(({ unit, paid }) => ({ amount: paid, currency: unit })),
    });
    expect(
      (await expectStatus(consortium.auditor('GET', `/budgets/${CURRENT_YEAR}`), 200)).body,
    ).toEqual(budget.body);
  });

  it('give the ledger one line per payment, its CSV summing to the cash to the cent', async () => {
    await caughtUp(consortium, 'books', CATCH_UP_MS);
    const { total } = expected(false);
    // The days the history was recorded on (the budget counts it by month, all this year's).
    const range = `from=${daysAgo(2)}&to=${daysAgo(0)}`;
    const response = await checkedFetch(consortium.app.url, `/ledger?${range}`, {
      headers: {
        accept: 'text/csv',
        authorization: `Bearer ${tokenFor({ sub: 'auditor-1', role: 'auditor' })}`,
      },
    });
    expect(response.status).toBe(200);
    const rows = (await response.text()).trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(history.filter((c) => !c.pledged).length);
    const sums = { EUR: 0n, SOL: 0n };
    for (const row of rows) {
      const [, , , , , currency, amount] = row.split(',');
      sums[currency as 'EUR' | 'SOL'] += BigInt(amount.replace('.', ''));
    }
    expect(sums).toEqual({ EUR: total('EUR').paid, SOL: total('SOL').paid });
    // JSON in pages, each read from where the last one ended.
    const page = async (cursor = '') =>
      (
        await expectStatus<{ items: { eventId: string }[]; nextCursor: string | null }>(
          consortium.auditor('GET', `/ledger?${range}&limit=500${cursor && `&cursor=${cursor}`}`),
          200,
        )
      ).body;
    const first = await page();
    const second = await page(first.nextCursor!);
    expect(second.items).toHaveLength(500);
    expect(new Set([...first.items, ...second.items].map((l) => l.eventId)).size).toBe(1000);
  });
});
