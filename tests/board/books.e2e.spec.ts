/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, eventually } from '../support/apps';
import {
  FIRST_START_MS,
  interrupt,
  RunningFederation,
  startFederation,
} from '../launcher/federation-launcher';
import { browserAvailable, freshPage, launchBrowser, screenshotAndClose } from './browser';

/**
 * The consortium's books on the board's page, in Italian, against `npm start`'s federation: a
 * board member records an income, reads the calls (the one due within 30 days first), disburses
 * an approved allocation and reads the budget against the actual. Every figure is also read from
 * the API.
 */
interface Budget {
  allocations: { allocationId: string; disbursed: { amount: string } }[];
  byTheme: { theme: string | null; currency: string; approved: string; disbursed: string }[];
  cash: { currency: string; received: string; disbursed: string }[];
}

const describeWithBrowser = browserAvailable() ? describe : describe.skip;
const euro = (amount: string) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(
    amount as `${number}`,
  );
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeWithBrowser("the consortium's books on the board's page", () => {
  let federation: RunningFederation;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let period: string;
  const token = (sub: string) => federation.ready.tokens.find((t) => t.sub === sub)!.token;
  const api = (sub = 'board-chair') => apiClient(federation.ready.env.CONSORTIUM_URL, token(sub));
  const text = (value: string | null) => (value ?? '').replace(/\u00a0|\u202f/g, ' ');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'board-books-'));
    [federation, browser] = await Promise.all([startFederation(dataDir), launchBrowser()]);
    period = federation.ready.env.BUDGET_PERIOD;
  }, FIRST_START_MS);

  afterAll(async () => {
    await browser?.close();
    if (federation) await interrupt(federation.child);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  beforeEach(async () => {
    ({ context, page } = await freshPage(browser, 'it-IT'));
    await page.goto(`${federation.ready.boardPage.url}#token=${token('board-chair')}`);
    await page.getByRole('button', { name: 'Esci' }).waitFor();
  });

  afterEach(() => screenshotAndClose(page, context));

  it('records an income and lists the calls, the one due within 30 days first', async () => {
    const apply = (call: string, deadline: string) =>
      api()('POST', '/funding-applications', {
        funder: 'Fondazione del Monte',
        call,
        kind: 'grant',
        requested: { amount: '8000.00', currency: 'EUR' },
        deadline,
      });
    expect((await apply('Bando lontano', inDays(90))).status).toBe(201);
    expect((await apply('Bando vicino', inDays(10))).status).toBe(201);

    await page.getByRole('link', { name: 'Conti' }).click();
    await page.getByRole('heading', { level: 2, name: 'I conti del consorzio' }).waitFor();
    await page.getByText('Registra un’entrata').click();
    await page.getByLabel('Tipo di entrata').selectOption({ label: 'donazione' });
    await page.getByLabel('Importo').fill('2500.00');
    await page.getByLabel('Da (finanziatore, donatore, acquirente)').fill('Famiglia Benedetti');
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Entrata registrata.' }).waitFor();
    const row = page
      .locator('table.ledger tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Famiglia Benedetti' }) });
    await row.waitFor();
    expect(text(await row.textContent())).toContain(text(euro('2500.00')));
    expect(await row.textContent()).toContain('donazione');

    await page.reload();
    await page.locator('table.calls tbody tr').first().waitFor();
    const calls = await page.locator('table.calls tbody tr th').allTextContents();
    expect(calls.map((c) => c.replace('Fondazione del Monte', '').trim())).toEqual([
      'Bando vicino',
      'Bando lontano',
    ]);
    expect(await page.locator('table.calls tbody tr').first().textContent()).toContain(
      'entro 30 giorni',
    );
  });

  it('disburses an approved allocation and shows the budget against the actual', async () => {
    const title = 'Corso di contabilità cooperativa';
    const proposed = await api()<{ allocationId: string }>(
      'POST',
      `/budgets/${period}/allocations`,
      {
        title,
        purpose: 'Formazione per le coop socie',
        theme: 'work',
        amount: { amount: '300.00', currency: 'EUR' },
      },
    );
    const { allocationId } = proposed.body;
    for (const member of ['board-chair', 'board-treasurer']) {
      const voted = await api(member)('POST', `/allocations/${allocationId}/votes`, {
        vote: 'for',
      });
      expect(voted.status).toBe(201);
    }

    await page.getByRole('link', { name: 'Esame del bilancio' }).click();
    await page.getByText('Eroga uno stanziamento approvato').click();
    const allocation = page.getByLabel('Stanziamento da pagare');
    const option = allocation.locator('option').filter({ hasText: title });
    await allocation.selectOption((await option.getAttribute('value'))!);
    await page.getByLabel('Somma da pagare (EUR)').fill('120.00');
    await page.getByLabel('Pagato a (fornitore)').fill('Studio Ferri');
    await page.getByLabel('Riferimento').fill('FT-2027-7');
    await page.getByRole('button', { name: 'Eroga', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Erogazione registrata.' }).waitFor();

    const budget = await eventually(async () => {
      const { body } = await api()<Budget>('GET', `/budgets/${period}`);
      expect(body.allocations.find((a) => a.allocationId === allocationId)?.disbursed).toEqual({
        amount: '120.00',
        currency: 'EUR',
      });
      return body;
    });
    const allocationRow = page.locator(`tr[data-allocation="${allocationId}"]`);
    await allocationRow.filter({ hasText: '120' }).waitFor();
    expect(text(await allocationRow.textContent())).toContain(text(euro('120.00')));

    // Budget against actual: the page's figures are the API's, for the theme and the cash.
    const work = budget.byTheme.find((line) => line.theme === 'work' && line.currency === 'EUR')!;
    const workRow = page.locator('table.against-actual tr[data-theme="work"]');
    expect(text(await workRow.textContent())).toContain(text(euro(work.approved)));
    expect(text(await workRow.textContent())).toContain(text(euro(work.disbursed)));
    const cash = budget.cash.find((line) => line.currency === 'EUR')!;
    const cashRow = page.locator('table.cash tr[data-cash="EUR"]');
    expect(text(await cashRow.textContent())).toContain(text(euro(cash.received)));
    expect(text(await cashRow.textContent())).toContain(text(euro(cash.disbursed)));

    // Beyond what is left of the allocation (180.00): the API's reason, in the page.
    await page.getByLabel('Somma da pagare (EUR)').fill('180.01');
    await page.getByLabel('Pagato a (fornitore)').fill('Studio Ferri');
    await page.getByLabel('Riferimento').fill('FT-2027-8');
    await page.getByRole('button', { name: 'Eroga', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'è più di quanto resta da pagare sullo stanziamento' })
      .waitFor();
  });
});
