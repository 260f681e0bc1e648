import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUDGET_AGGREGATE,
  consortiumStream,
  Currency,
  DISBURSEMENTS_AGGREGATE,
  formatHundredths,
  INCOME_AGGREGATE,
  IncomeKind,
  Unit,
} from '@libs/contracts';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { parseAtomFeed } from 'feedsmith';
import { expectInvalidFields } from '../coop/problem-assertions';
import { eventually, TestSchemas, tokenFor } from '../support/apps';
import { caughtUp, ConsortiumUnderTest, expectStatus, startConsortium } from './consortium-app';
import { demoHistory } from '../../scripts/federation/demo/demo-history';
import {
  appendToStore,
  budgetEvents,
  coopEvents,
  on,
  registryEvents,
  StreamEvent,
} from './federation-events';
import { writeMembersHistory } from './members-history';

// Issue 20: the quarterly report, on a real consortium process. Two member coops record random
// contributions spread over the first two quarters of 2027 (and a few in July, in neither); the
// events go into the store as the coop apps append them. Each quarter's figures must be the
// pooled means of its months, to the cent.
jest.setTimeout(120_000);

const COOPS = ['habitat-partage', 'velo-solidaire'];
const OUTSIDER = 'rogue-coop';
const UNITS: Unit[] = ['EUR', 'SOL', 'hours'];
const MONTHS = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'];

interface Contribution {
  coopId: string;
  unit: Unit;
  hundredths: number;
  month: string;
  pledged: boolean;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const history: Contribution[] = Array.from({ length: 400 }, () => ({
  coopId: pick(COOPS),
  unit: pick(UNITS),
  hundredths: 1 + Math.floor(Math.random() * 99_999_999),
  month: pick(MONTHS),
  pledged: Math.random() < 0.3,
}));

/** The quarter's totals as the test computes them, one line per unit. */
function expectedTotals(months: string[]) {
  return UNITS.map((unit) => {
    const lines = history.filter((c) => c.unit === unit && months.includes(c.month));
    const sum = (pledged: boolean) =>
      lines.filter((c) => c.pledged === pledged).reduce((s, c) => s + BigInt(c.hundredths), 0n);
    return { unit, pledged: formatHundredths(sum(true)), paid: formatHundredths(sum(false)) };
  });
}

/** Every demo member's name and e-mail: none may reach a public page. */
const PEOPLE = Object.values(demoHistory('2027-03-31').coops).flatMap((coop) =>
  coop.members.flatMap((member) => [member.displayName, member.email]),
);
const [NAME, EMAIL] = PEOPLE;
const CASA = 'casa-comune';
const OVERRIDE_REASON = `vouched for by ${NAME} (${EMAIL})`;
/**
 * A coop whose history carries a person's name and e-mail where the board wrote them: in the
 * reason it admitted the coop despite a rule, and the reason the coop gave to leave.
 */
const PERSONAL_HISTORY: StreamEvent[] = [
  coopEvents(CASA).profileSet('scop', ['housing'], `Casa of ${NAME}`),
  coopEvents(CASA).applied(),
  registryEvents.coopAdmitted(CASA, 'scop', {
    rule: 'social_coops_at_least_70pct',
    reason: OVERRIDE_REASON,
    by: 'board-1',
  }),
];

/** The board's decisions: two in February (one approved, one rejected), one in May. */
const BUDGET = budgetEvents('2027');
const ALLOCATIONS = [
  ['00000000-0000-4000-8000-00000000a001', 1_234_50, 'approved', '2027-02-15T10:00:00Z'],
  ['00000000-0000-4000-8000-00000000a002', 999_00, 'rejected', '2027-03-31T23:59:00Z'],
  ['00000000-0000-4000-8000-00000000a003', 50_00, 'approved', '2027-05-02T09:00:00Z'],
] as const;
const DECISIONS: StreamEvent[] = [
  BUDGET.opened(),
  ...ALLOCATIONS.flatMap(([allocationId, hundredths, outcome, at]) => [
    BUDGET.allocationProposed(allocationId, hundredths),
    on(
      consortiumStream(BUDGET_AGGREGATE, '2027'),
      null,
      'AllocationDecided',
      {
        periodId: '2027',
        allocationId,
        outcome,
        tally: { for: 3, against: 0, abstain: 0 },
        boardSize: 3,
      },
      new Date(at),
    ),
  ]),
];

/**
 * The consortium's own money: in the first quarter a grant, a donation from a person (a demo
 * member's name) and sales in SOL, and a payment to a supplier; in the second an income and a
 * payment; one income in July, in neither.
 */
const income = (
  kind: IncomeKind,
  unit: Currency,
  hundredths: number,
  receivedOn: string,
  funder: string,
) => {
  const incomeId = randomUUID();
  return on(consortiumStream(INCOME_AGGREGATE, incomeId), null, 'IncomeReceived', {
    incomeId,
    kind,
    amount: { unit, hundredths },
    receivedOn,
    funder,
    recordedBy: 'board-1',
  });
};
const disbursement = (hundredths: number, paidOn: string, payeeName: string) =>
  on(consortiumStream(DISBURSEMENTS_AGGREGATE, '2027'), null, 'AllocationDisbursed', {
    periodId: '2027',
    disbursementId: randomUUID(),
    allocationId: ALLOCATIONS[0][0],
    theme: 'mobility',
    amount: { unit: 'EUR', hundredths },
    paidOn,
    payeeCoopId: null,
    payeeName,
    reference: `INV-${paidOn}`,
    paidBy: 'board-1',
  });
const SUPPLIER = 'Studio Rossi';
const BOOKS: StreamEvent[] = [
  income('grant', 'EUR', 10_000_00, '2027-02-10', 'Fondazione Cariplo'),
  income('donation', 'EUR', 1_234_56, '2027-03-15', NAME),
  income('sales', 'SOL', 300_00, '2027-03-31', 'Mercato di Campagna'),
  disbursement(500_00, '2027-03-01', SUPPLIER),
  income('other', 'EUR', 50_00, '2027-04-01', 'Comune di Bologna'),
  disbursement(20_00, '2027-05-10', SUPPLIER),
  income('donation', 'EUR', 7_00, '2027-07-01', 'Anyone'),
];

const schemas = new TestSchemas();
let consortium: ConsortiumUnderTest;

interface Report {
  quarter: string;
  pooledMeans: { totals: unknown[]; byMonth: { month: string }[] };
  coops: { admitted: { coopId: string }[]; left: unknown[] };
  decisions: unknown[];
  books: { totals: unknown[]; income: unknown[]; disbursements: unknown[] };
}

beforeAll(async () => {
  const contributions: StreamEvent[] = history.map((c) =>
    coopEvents(c.coopId).contributionRecorded(
      randomUUID(),
      { unit: c.unit, hundredths: c.hundredths },
      { period: c.month, status: c.pledged ? 'pledged' : 'paid' },
    ),
  );
  await writeMembersHistory(schemas, COOPS, contributions);
  await appendToStore(schemas, [...PERSONAL_HISTORY, ...DECISIONS, ...BOOKS]);
  consortium = await startConsortium(schemas);
  // Every context the report reads from, caught up with the history.
  for (const name of ['pooled_means', 'member_coops', 'allocation_index', 'books'])
    await caughtUp(consortium, name, 60_000);
}, 90_000);

afterAll(async () => {
  await consortium?.app.stop();
  await schemas.drop();
});

describe('the quarterly report', () => {
  it('gives each quarter the pooled means of its months, to the cent', async () => {
    const { body: pooled } = await expectStatus<{
      byMonth: { month: string; unit: Unit; pledged: string; paid: string }[];
    }>(consortium.board()('GET', '/pooled-means'), 200);
    for (const [quarter, months] of [
      ['2027-Q1', MONTHS.slice(0, 3)],
      ['2027-Q2', MONTHS.slice(3, 6)],
    ] as const) {
      const { body } = await expectStatus<Report>(
        consortium.board()('GET', `/reports/${quarter}`),
        200,
      );
      expect(body.quarter).toBe(quarter);
      expect(body.pooledMeans.totals).toEqual(expectedTotals(months));
      expect(body.pooledMeans.byMonth).toEqual(
        pooled.byMonth.filter((line) => months.includes(line.month)),
      );
    }
  });

  it('names the coops the board admitted in the quarter, and only then', async () => {
    const q1 = await expectStatus<Report>(consortium.auditor('GET', '/reports/2027-Q1'), 200);
    expect(q1.body.coops.admitted.map((coop) => coop.coopId)).toEqual([CASA, ...COOPS]);
    const q2 = await expectStatus<Report>(consortium.auditor('GET', '/reports/2027-Q2'), 200);
    expect(q2.body.coops).toEqual({ admitted: [], left: [] });
  });

  it('counts the board’s decisions of the quarter, and the amounts it approved', async () => {
    const q1 = await expectStatus<Report>(consortium.board()('GET', '/reports/2027-Q1'), 200);
    expect(q1.body.decisions).toEqual([
      { outcome: 'approved', unit: 'EUR', decisions: 1, amount: '1234.50' },
      { outcome: 'rejected', unit: 'EUR', decisions: 1, amount: '999.00' },
    ]);
    const q2 = await expectStatus<Report>(consortium.board()('GET', '/reports/2027-Q2'), 200);
    expect(q2.body.decisions).toEqual([
      { outcome: 'approved', unit: 'EUR', decisions: 1, amount: '50.00' },
    ]);
  });

  it('tells the consortium’s own income and disbursements of the quarter, summed', async () => {
    const q1 = await expectStatus<Report>(consortium.auditor('GET', '/reports/2027-Q1'), 200);
    expect(q1.body.books).toEqual({
      totals: [
        { currency: 'EUR', received: '11234.56', disbursed: '500.00' },
        { currency: 'SOL', received: '300.00', disbursed: '0.00' },
      ],
      income: [
        { kind: 'donation', currency: 'EUR', movements: 1, amount: '1234.56' },
        { kind: 'grant', currency: 'EUR', movements: 1, amount: '10000.00' },
        { kind: 'sales', currency: 'SOL', movements: 1, amount: '300.00' },
      ],
      disbursements: [{ theme: 'mobility', currency: 'EUR', disbursements: 1, amount: '500.00' }],
    });
    // No funder nor payee by name: the donor is a person.
    expect(JSON.stringify(q1.body.books)).not.toContain(NAME);
    expect(JSON.stringify(q1.body.books)).not.toContain(SUPPLIER);
    const q2 = await expectStatus<Report>(consortium.auditor('GET', '/reports/2027-Q2'), 200);
    expect(q2.body.books).toMatchObject({
      totals: [
        { currency: 'EUR', received: '50.00', disbursed: '20.00' },
        { currency: 'SOL', received: '0.00', disbursed: '0.00' },
      ],
      income: [{ kind: 'other', currency: 'EUR', movements: 1, amount: '50.00' }],
    });
  });

  it('answers as its OpenAPI document declares', async () => {
    const doc = (await (await fetch(`${consortium.app.url}/docs-json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, never> } }>;
      components: object;
    };
    const { responses } = doc.paths['/reports/{quarter}'].get;
    expect(JSON.stringify(responses['200'])).toContain('QuarterlyReportResponse');
    const validator = new OpenAPIResponseValidator({ responses, components: doc.components });
    for (const quarter of ['2027-Q1', '2027-Q2']) {
      const { body } = await expectStatus(consortium.board()('GET', `/reports/${quarter}`), 200);
      expect(validator.validateResponse(200, body)).toBeUndefined();
    }
    // The schema holds the report to its shape: a report without its books is not one.
    const { body } = await consortium.board()<Report>('GET', '/reports/2027-Q1');
    expect(validator.validateResponse(200, { ...body, books: undefined })).toMatchObject({
      errors: [expect.objectContaining({ message: "must have required property 'books'" })],
    });
  });

  it('is read by the board, auditors and the admin of a member coop; no one else', async () => {
    await expectStatus(consortium.coopAdmin(COOPS[0])('GET', '/reports/2027-Q1'), 200);
    await expectStatus(consortium.coopAdmin(OUTSIDER)('GET', '/reports/2027-Q1'), 403);
    await expectStatus(consortium.anonymous('GET', '/reports/2027-Q1'), 401);
  });

  it('refuses a quarter that is not YYYY-Qn', async () => {
    for (const quarter of ['2027-Q5', '2027Q1', '2027-03']) {
      expectInvalidFields(await consortium.board()('GET', `/reports/${quarter}`), ['quarter']);
    }
  });
});

/** A decimal string written with this thousands separator and decimal mark: `1 234,50`. */
function written(decimal: string, separator: string, mark: string): string {
  const [whole, cents] = decimal.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator)}${mark}${cents}`;
}

/** The text of a PDF as Debian's pdftotext reads it, every kind of space made a plain one. */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
}

async function fetchAs(path: string, token: string | null, headers: Record<string, string> = {}) {
  return fetch(`${consortium.app.url}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

const BOARD_TOKEN = () => tokenFor({ sub: 'board-1', role: 'board-member' });
const FORMATS = { fr: [' ', ','], it: ['.', ','], en: [',', '.'] } as const;

describe('the newsletter', () => {
  const eurPaid = () => expectedTotals(MONTHS.slice(0, 3))[0].paid;

  it('prints the quarter’s totals in each language’s number format, in a real PDF', async () => {
    for (const [lang, [separator, mark]] of Object.entries(FORMATS)) {
      const response = await fetchAs(`/reports/2027-Q1.pdf?lang=${lang}`, BOARD_TOKEN());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(written(eurPaid(), separator, mark));
      // The allocation the board approved in February: 1,234.50 EUR.
      expect(text).toContain(written('1234.50', separator, mark));
      // The consortium's own income of the quarter, in EUR.
      expect(text).toContain(written('11234.56', separator, mark));
      expect(text).toContain(written(expectedTotals(MONTHS.slice(0, 3))[2].paid, separator, mark));
    }
  });

  it('shows the board’s editorial as text, with the figures and a chart, under the board page’s policy', async () => {
    const editorial = 'Un trimestre <script>alert(1)</script> & solidaire';
    await expectStatus(
      consortium.board()('PUT', '/reports/2027-Q1/editorial', { language: 'fr', text: editorial }),
      200,
    );
    const response = await fetchAs('/reports/2027-Q1.html?lang=fr', BOARD_TOKEN());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = (await response.text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('Un trimestre &lt;script&gt;alert(1)&lt;/script&gt; &amp; solidaire');
    expect(html).not.toContain('<script');
    expect(html).toContain(written(eurPaid(), ' ', ','));
    expect(html).toContain('<svg');
    expect(html).toContain('31 mars 2027');
    // Another language has its own editorial: none yet.
    const english = await (await fetchAs('/reports/2027-Q1.html?lang=en', BOARD_TOKEN())).text();
    expect(english).toContain('No editorial for this quarter.');
    expect(english).toContain(written(eurPaid(), ',', '.'));
  });

  it('takes editorials from board members only, in fr, it or en', async () => {
    const body = { language: 'en', text: 'A quarter' };
    await expectStatus(consortium.auditor('PUT', '/reports/2027-Q1/editorial', body), 403);
    expectInvalidFields(
      await consortium.board()('PUT', '/reports/2027-Q1/editorial', { language: 'de', text: 'x' }),
      ['language'],
    );
    expectInvalidFields(await consortium.board()('GET', '/reports/2027-Q1.html?lang=de'), ['lang']);
    expectInvalidFields(await consortium.board()('GET', '/reports/2027-Q1.docx'), ['format']);
  });
});

describe('the published report', () => {
  it('is not public until the board publishes it', async () => {
    const page = await fetchAs('/public/reports/2027-Q2', null);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const feed = await (await fetchAs('/public/feed.xml', null)).text();
    expect(feed).not.toContain('2027-Q2');
  });

  it('is public once published, without a token, and names no person nor any reason', async () => {
    await expectStatus(consortium.auditor('POST', '/reports/2027-Q1/publication', {}), 403);
    await expectStatus(consortium.board('board-2')('POST', '/reports/2027-Q1/publication', {}));
    await expectStatus(consortium.board()('POST', '/reports/2027-Q1/publication', {}), 409);
    // The members' report does show the coop's name: the history holds it.
    const report = await consortium.board()<Report>('GET', '/reports/2027-Q1');
    expect(JSON.stringify(report.body)).toContain(NAME);

    const pages = await Promise.all(
      (['fr', 'it', 'en'] as const).map(async (lang) => {
        const response = await fetchAs(`/public/reports/2027-Q1?lang=${lang}`, null);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        return response.text();
      }),
    );
    expect(pages[0]).toContain('Un trimestre &lt;script&gt;');
    // The consortium's own income of the quarter, summed: 11 234,56 EUR.
    expect(pages[0].replace(/[\u00a0\u202f]/g, ' ')).toContain('11 234,56');
    expect(pages[1]).toContain('11.234,56');
    expect(pages[2]).toContain('11,234.56');
    const feed = await eventually(async () => {
      const text = await (await fetchAs('/public/feed.xml', null)).text();
      expect(text).toContain('/public/reports/2027-Q1');
      return text;
    });
    for (const published of [...pages, feed]) {
      for (const personal of [...PEOPLE, OVERRIDE_REASON, CASA, SUPPLIER]) {
        expect(published).not.toContain(personal);
      }
    }
  });

  it('lists published reports in an Atom feed that a feed reader parses', async () => {
    const response = await fetchAs('/public/feed.xml', null);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    // feedsmith is a feed reader's parser: it refuses what is not an Atom feed.
    const feed = parseAtomFeed(await response.text());
    expect(feed.id).toMatch(/^http:\/\/.+\/public\/feed\.xml$/);
    expect(feed.title?.value).toBeTruthy();
    expect(new Date(feed.updated!).getTime()).not.toBeNaN();
    const entry = feed.entries?.find((one) => one.title?.value?.includes('2027-Q1'));
    expect(entry?.links?.[0]?.href).toMatch(/\/public\/reports\/2027-Q1$/);
    expect(entry?.id).toMatch(/\/public\/reports\/2027-Q1$/);
    expect(new Date(entry!.updated!).getTime()).not.toBeNaN();
  });

  it('answers 304 to a reader that has the page or the feed already', async () => {
    for (const path of ['/public/reports/2027-Q1?lang=it', '/public/feed.xml']) {
      const first = await fetchAs(path, null);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const again = await fetchAs(path, null, { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const stale = await fetchAs(path, null, { 'if-none-match': '"stale"' });
      expect(stale.status).toBe(200);
    }
  });
});
