/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { mintToken } from '@libs/auth';
import { APP_ENTRY, apiClient, eventually } from '../support/apps';
import { firstJsonLine, spawnTs, stopProcess } from '../support/child-process';
import {
  FIRST_START_MS,
  interrupt,
  RunningFederation,
  startFederation,
} from '../launcher/federation-launcher';
import { browserAvailable, freshPage, launchBrowser, screenshotAndClose } from './browser';

/**
 * The board's page in a real browser (Debian's Chromium) against the federation `npm start` runs,
 * with its demo data: every figure checked here is also read from the consortium API.
 */
interface TotalLine {
  unit: 'EUR' | 'SOL' | 'hours';
  pledged: string;
  paid: string;
}
interface PooledMeans {
  totals: TotalLine[];
  solShare: string;
}
interface Budget {
  allocations: { allocationId: string; title: string; status: string }[];
  available: { amount: string; currency: string }[];
}

const describeWithBrowser = browserAvailable() ? describe : describe.skip;

/** What the page must show for an amount, formatted as the reader's language does. */
function formatted(language: string, amount: string, unit: TotalLine['unit']): string {
  const format =
    unit === 'hours'
      ? new Intl.NumberFormat(language, {
          style: 'unit',
          unit: 'hour',
          unitDisplay: 'short',
          maximumFractionDigits: 2,
        })
      : new Intl.NumberFormat(language, { style: 'currency', currency: unit });
  return format.format(amount as `${number}`);
}

function formattedDay(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

describeWithBrowser("the board's page", () => {
  let federation: RunningFederation;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consortiumUrl: string;
  let period: string;
  let consoleErrors: string[] = [];
  const watchConsole = (watched: Page) => {
    consoleErrors = [];
    watched.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    watched.on('pageerror', (error) => consoleErrors.push(error.message));
  };
  const token = (sub: string) => federation.ready.tokens.find((t) => t.sub === sub)!.token;
  const api = (sub = 'board-chair') => apiClient(consortiumUrl, token(sub));
  const get = async <T>(path: string): Promise<T> => (await api()<T>('GET', path)).body;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'board-page-'));
    [federation, browser] = await Promise.all([startFederation(dataDir), launchBrowser()]);
    consortiumUrl = federation.ready.env.CONSORTIUM_URL;
    period = federation.ready.env.BUDGET_PERIOD;
  }, FIRST_START_MS);

  afterAll(async () => {
    await browser?.close();
    if (federation) await interrupt(federation.child);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  beforeEach(async () => {
    // A fresh browser profile per test: nothing signed in, the language from the browser.
    ({ context, page } = await freshPage(browser, 'en-GB'));
    watchConsole(page);
  });

  afterEach(async () => {
    await screenshotAndClose(page, context);
    // A script error or a Content-Security-Policy violation shows in the console, nowhere else.
    // (The browser also logs each 4xx answer the page handles on purpose: those are not faults.)
    expect(consoleErrors.filter((text) => !/Failed to load resource/.test(text))).toEqual([]);
  });

  /** Signs in with the ready link the launcher prints (the token in the fragment). */
  const openSignedIn = async (sub: string, section = '') => {
    const link = `${federation.ready.boardPage.url}#token=${token(sub)}`;
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    if (section) await page.getByRole('link', { name: section }).click();
  };
  const signOut = () => page.getByRole('button', { name: 'Sign out' }).click();
  const allocationRow = (title: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
  const voteFor = (title: string) =>
    page
      .getByRole('group', { name: `Your vote on ${title}` })
      .getByRole('button', { name: 'For' })
      .click();
  /** Opens a budget period through the page; the page then shows it. */
  const openPeriod = async (year: string) => {
    await page.getByText('Open a budget period').click();
    await page.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByLabel('Budget period').inputValue()).toBe(year),
    );
  };
  /** The closing of the year as the page shows it, row by row. */
  const closingRows = async () => {
    const closing = page.locator('table.closing');
    await closing.waitFor();
    return (await closing.locator('tr').allTextContents()).map((row) =>
      row.replace(/\u00a0/g, ' '),
    );
  };
  const propose = async (title: string, amount: string) => {
    await page.getByText('Propose an allocation').click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Purpose').fill(`${title}, for the whole federation`);
    await page.getByLabel('Amount').fill(amount);
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await allocationRow(title).waitFor();
  };

  it('signs in with a token and shows the pooled means the API answers, quickly', async () => {
    const started = performance.now();
    await page.goto(federation.ready.boardPage.url);
    await page.getByLabel('Access token').fill(token('board-chair'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr[data-unit="EUR"]').waitFor();
    const shownMs = performance.now() - started;

    const pooled = await get<PooledMeans>('/pooled-means');
    expect(pooled.totals.map((line) => line.unit).sort()).toEqual(['EUR', 'SOL', 'hours']);
    for (const line of pooled.totals) {
      const row = page.locator(`tr[data-unit="${line.unit}"]`);
      expect(await row.locator('[data-figure="paid"]').textContent()).toBe(
        formatted('en-GB', line.paid, line.unit),
      );
      expect(await row.locator('[data-figure="pledged"]').textContent()).toBe(
        formatted('en-GB', line.pledged, line.unit),
      );
    }
    expect(await page.locator('[data-figure="sol-share"]').textContent()).toBe(
      new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(
        pooled.solShare as `${number}`,
      ),
    );
    // The chart is drawn, and its figures are there for a screen reader.
    await page.locator('canvas[role="img"]').waitFor();

    // A reload (the page's own load, signed in from this tab's session) on npm start's data.
    const reloadStarted = performance.now();
    await page.reload();
    await page.locator('tr[data-unit="EUR"]').waitFor();
    const reloadMs = performance.now() - reloadStarted;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return Math.round(entry.loadEventEnd - entry.startTime);
    });
    console.log(
      `Board page on npm start data: signed in and totals shown in ${Math.round(shownMs)} ms; ` +
        `reload to totals shown ${Math.round(reloadMs)} ms (browser load event ${navigation} ms).`,
    );
  });

  it('gives every control of every section a label a screen reader can say', async () => {
    await openSignedIn('board-chair');
    for (const section of [
      'Pooled means',
      'Member coops',
      'Budget review',
      'Compliance',
      'Resources',
    ]) {
      await page.getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
      await page.getByText('Loading…').waitFor({ state: 'detached' });
      // Open the forms folded in <details> so that their controls count too.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea, button, canvas')]
          .filter((element) => {
            const labelled = (element as HTMLInputElement).labels?.length;
            const named =
              element.getAttribute('aria-label') || element.getAttribute('aria-labelledby');
            const text = element.tagName === 'BUTTON' && element.textContent?.trim();
            return !labelled && !named && !text;
          })
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect({ section, unlabelled }).toEqual({ section, unlabelled: [] });
    }
    // The sections are reachable by keyboard: Tab reaches the navigation's links.
    await page.keyboard.press('Tab');
    const reached: string[] = [];
    // Enough presses to pass the header's controls and every section of the navigation.
    for (let i = 0; i < 16; i++) {
      reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(reached).toEqual(expect.arrayContaining(['Budget review', 'Compliance']));
  });

  it('proposes an allocation that two board members approve by their votes', async () => {
    const title = 'Shared legal advice desk';
    await openSignedIn('board-chair', 'Budget review');
    await propose(title, '150.00');
    expect(await allocationRow(title).textContent()).toContain('proposed');
    await voteFor(title);
    await allocationRow(title).filter({ hasText: 'for 1' }).waitFor();
    // One vote each: the chair now reads how they voted, and has no button left to vote again.
    expect(await allocationRow(title).textContent()).toContain('You voted: For');
    expect(await allocationRow(title).textContent()).toContain('board-chair: For');
    expect(await page.getByRole('group', { name: `Your vote on ${title}` }).count()).toBe(0);
    await signOut();

    await openSignedIn('board-treasurer', 'Budget review');
    await voteFor(title);
    await allocationRow(title).filter({ hasText: 'approved' }).waitFor();
    expect(await allocationRow(title).textContent()).toContain('for 2 · against 0 · abstain 0');

    const budget = await get<Budget>(`/budgets/${period}`);
    expect(budget.allocations.find((a) => a.title === title)?.status).toBe('approved');
  });

  it('marks the allocations a member coop proposed, in each language', async () => {
    const title = 'Repair café tools';
    const proposed = await apiClient(consortiumUrl, token('velo-solidaire-admin'))(
      'POST',
      `/budgets/${period}/allocations`,
      {
        title,
        purpose: 'tools lent among the member coops',
        amount: { amount: '80.00', currency: 'EUR' },
      },
    );
    expect(proposed.status).toBe(201);
    await openSignedIn('board-chair', 'Budget review');
    const mark = (text: string) =>
      allocationRow(title).locator('.proposed-by-coop', { hasText: text });
    await mark('Proposed by the member coop Vélo Solidaire').waitFor();
    // The board's own proposals carry no such mark.
    expect(
      await allocationRow('Shared legal advice desk').locator('.proposed-by-coop').count(),
    ).toBe(0);
    // Only the board votes on it: the chair is offered the buttons.
    expect(await page.getByRole('group', { name: `Your vote on ${title}` }).count()).toBe(1);

    await page.getByLabel('Language').selectOption('fr');
    await mark('Proposée par la coopérative membre Vélo Solidaire').waitFor();
    await page.getByLabel('Langue').selectOption('it');
    await mark('Proposta dalla cooperativa socia Vélo Solidaire').waitFor();
    await page.getByLabel('Lingua').selectOption('en');
  });

  it('shows the refusal when approving would spend beyond the available balance', async () => {
    const before = await get<Budget>(`/budgets/${period}`);
    const available = before.available.find((money) => money.currency === 'EUR')!.amount;
    const beyond = (Number(available) + 1000).toFixed(2);
    const title = 'Cooperative bakery oven';
    await openSignedIn('board-chair', 'Budget review');
    await propose(title, beyond);
    await voteFor(title);
    await allocationRow(title).filter({ hasText: 'for 1' }).waitFor();
    await signOut();

    await openSignedIn('board-secretary', 'Budget review');
    await voteFor(title);
    const refusal = allocationRow(title).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Refused: approving it would take the available balance below zero.',
    );
    expect(await allocationRow(title).textContent()).toContain('proposed');
    const after = await get<Budget>(`/budgets/${period}`);
    expect(after.allocations.find((a) => a.title === title)?.status).toBe('proposed');
    expect(after.available).toEqual(before.available);
  });

  it('shows the pooled means as of an earlier day, as the API answers them', async () => {
    await openSignedIn('board-chair');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('As of').fill(yesterday);
    await page
      .getByRole('table')
      .filter({ hasText: formattedDay(yesterday) })
      .waitFor();
    const then = await get<PooledMeans>(`/pooled-means?asOf=${yesterday}`);
    for (const line of then.totals) {
      expect(
        await page.locator(`tr[data-unit="${line.unit}"] [data-figure="paid"]`).textContent(),
      ).toBe(formatted('en-GB', line.paid, line.unit));
    }
  });

  it('filters the resource catalogue by kind and theme', async () => {
    await openSignedIn('auditor', 'Resources');
    await page.getByLabel('Kind').selectOption('vehicle');
    const vehicles = (
      await get<{ items: { title: string }[] }>('/resources?kind=vehicle&limit=100')
    ).items;
    expect(vehicles.length).toBeGreaterThan(0);
    const titles = async () =>
      (await page.locator('table.resources tbody th').allTextContents()).sort();
    await eventually(async () =>
      expect(await titles()).toEqual(
        expect.arrayContaining(vehicles.map((r) => expect.stringContaining(r.title))),
      ),
    );
    expect(await page.locator('table.resources tbody tr').count()).toBe(vehicles.length);
    await page.getByLabel('Theme').selectOption('housing');
    const both = (
      await get<{ items: unknown[] }>('/resources?kind=vehicle&theme=housing&limit=100')
    ).items;
    await eventually(async () =>
      expect(await page.locator('table.resources tbody tr').count()).toBe(both.length),
    );
  });

  it('opens a budget period and closes its year with the legal reserve and the mutual fund', async () => {
    await openSignedIn('board-chair', 'Budget review');
    await openPeriod('2019');
    await page.getByText('Close the year').first().click();
    await page.getByLabel('Net result (negative for a loss)').fill('1000.00');
    await page.getByRole('button', { name: 'Close the year' }).click();
    expect(await closingRows()).toEqual([
      'Net result (negative for a loss)€1,000.00',
      'Legal reserve (≥ 30%, c.c. 2545-quater)€300.00',
      'Mutual fund (3%, L. 59/1992 art. 11)€30.00',
      'Rest: indivisible reserve€670.00',
    ]);
    const closed = await get<{ status: string; closing: { legalReserve: { amount: string } } }>(
      '/budgets/2019',
    );
    expect(closed.status).toBe('closed');
    expect(closed.closing.legalReserve.amount).toBe('300.00');
  });

  it('closes a year with the rest split as the board decides, and refuses a split that does not add up', async () => {
    await openSignedIn('board-chair', 'Budget review');
    await openPeriod('2018');
    await page.getByText('Close the year').first().click();
    await page.getByLabel('Net result (negative for a loss)').fill('1000.00');
    // 1,000 − 300 (legal reserve) − 30 (mutual fund) = 670 to allocate.
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Purpose, line 1').fill('indivisible reserve');
    await page.getByLabel('Amount, line 1').fill('500.00');
    await page.getByLabel('Purpose, line 2').fill('training fund');
    await page.getByLabel('Amount, line 2').fill('100.00');
    await page.getByRole('button', { name: 'Close the year' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'must add up' });
    await refusal.waitFor();
    expect(await page.locator('table.closing').count()).toBe(0);

    await page.getByLabel('Amount, line 2').fill('170.00');
    await page.getByRole('button', { name: 'Close the year' }).click();
    expect((await closingRows()).slice(3)).toEqual([
      'Rest: indivisible reserve€500.00',
      'Rest: training fund€170.00',
    ]);
  });

  it('admits an applicant, overriding the 70% rule with the reason the board gives', async () => {
    // A fourth coop, of the housing-coop form, joins the running federation and applies.
    const coopId = 'orto-comune';
    const secret = readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim();
    const databaseUrl = readFileSync(join(dataDir, 'database.url'), 'utf8').trim();
    const child = spawnTs(APP_ENTRY.coop, [], {
      PORT: '0',
      COOP_ID: coopId,
      AUTH_SECRET: secret,
      DATABASE_URL: databaseUrl,
      EVENT_STORE_URL: databaseUrl,
      EVENT_STORE_POOL_SIZE: '2',
      LOG_LEVEL: 'warn',
    });
    try {
      const { url } = await firstJsonLine<{ url: string }>(child);
      const admin = apiClient(
        url,
        mintToken(secret, { sub: `${coopId}-admin`, role: 'coop-admin', coopId }),
      );
      const profile = {
        name: 'Orto Comune',
        legalForm: 'coop',
        themes: ['consumption'],
        territory: 'Borgo vecchio',
      };
      expect((await admin('PUT', '/coop', profile)).status).toBe(200);
      expect((await admin('POST', '/consortium/application', {})).status).toBe(201);
      await eventually(async () =>
        expect((await get<{ status: string }>(`/coops/${coopId}`)).status).toBe('applicant'),
      );

      await openSignedIn('board-chair', 'Member coops');
      await page.getByRole('button', { name: 'Admit Orto Comune' }).click();
      await page.getByText('would leave social coops under 70%').waitFor();
      const reason = 'Community gardens feed the grocery; a social coop of gardeners is planned.';
      await page.getByLabel('Reason for admitting it despite the 70% rule').fill(reason);
      await page.getByRole('button', { name: 'Admit anyway' }).click();
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /Orto Comune/ }) });
      await row.filter({ hasText: 'admitted' }).waitFor();
      await row.filter({ hasText: reason }).waitFor();
      const admitted = await get<{ status: string; admissionOverride: { reason: string } }>(
        `/coops/${coopId}`,
      );
      expect(admitted.status).toBe('admitted');
      expect(admitted.admissionOverride.reason).toBe(reason);
    } finally {
      await stopProcess(child);
    }
  });

  it('speaks Italian when asked, with Italian labels and number formats', async () => {
    await openSignedIn('board-chair');
    await page.getByLabel('Language').selectOption('it');
    await page.getByRole('heading', { level: 2, name: 'Mezzi condivisi' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect(await page.getByRole('link', { name: 'Esame del bilancio' }).count()).toBe(1);

    const pooled = await get<PooledMeans>('/pooled-means');
    const eur = pooled.totals.find((line) => line.unit === 'EUR')!;
    const shown = await page.locator('tr[data-unit="EUR"] [data-figure="paid"]').textContent();
    expect(shown).toBe(formatted('it', eur.paid, 'EUR'));
    // Italian writes thousands with a dot, decimals with a comma, the euro sign after.
    expect(shown).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);

    // The choice holds across a reload, whatever the browser's language.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Mezzi condivisi' }).waitFor();
  });

  it('picks French from a French browser', async () => {
    await context.close();
    context = await browser.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
    watchConsole(page);
    await page.goto(`${federation.ready.boardPage.url}#token=${token('auditor')}`);
    await page.getByRole('heading', { level: 2, name: 'Moyens mutualisés' }).waitFor();
    const pooled = await get<PooledMeans>('/pooled-means');
    const eur = pooled.totals.find((line) => line.unit === 'EUR')!;
    expect(await page.locator('tr[data-unit="EUR"] [data-figure="paid"]').textContent()).toBe(
      formatted('fr-FR', eur.paid, 'EUR'),
    );
  });

  it('lets an auditor read every section and offers no vote nor any other action', async () => {
    await openSignedIn('auditor', 'Budget review');
    await page.getByText('Read only').waitFor();
    await page.getByRole('table').filter({ hasText: 'Shared accounting service' }).waitFor();
    expect(await page.getByRole('group', { name: /Your vote on/ }).count()).toBe(0);
    for (const name of ['For', 'Against', 'Abstain', 'Propose']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByText('Propose an allocation').count()).toBe(0);
    expect(await page.getByText('Close the year').count()).toBe(0);
    await page.getByRole('link', { name: 'Member coops' }).click();
    await page.getByRole('cell', { name: 'admitted' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Admit/ }).count()).toBe(0);
  });

  it('answers a refused token by asking to sign in again', async () => {
    await page.goto(`${federation.ready.boardPage.url}#token=${token('board-chair')}x`);
    await page.getByRole('alert').filter({ hasText: 'refused this token' }).waitFor();
    await page.getByLabel('Access token').waitFor();
  });
});
