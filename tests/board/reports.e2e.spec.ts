import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { consortiumStream, INCOME_AGGREGATE } from '@libs/contracts';
import { appendToStore, on, registryEvents } from '../consortium/federation-events';
import { RunningApp, TestSchemas, tokenFor } from '../support/apps';
import { browserAvailable, screenshot } from './browser';
import { ServedBoardPage, serveBoardPage } from './board-page-build';

/**
 * Issue 20 in a real browser: a board member writes the quarter's editorial in French on the
 * board's page and publishes the report; anyone then reads it on its public page, signed out.
 */
const describeWithBrowser = browserAvailable() ? describe : describe.skip;
const EDITORIAL = 'Un trimestre de coopération : merci à toutes les coopératives.';
/** A donation the consortium received in the quarter, from a person: summed, never named. */
const DONATION = randomUUID();
const DONOR = 'Famiglia Benedetti';
/** 2 500,00 as French writes it, whatever space groups the thousands. */
const DONATION_IN_FRENCH = /2\s500,00/;

describeWithBrowser('the board page’s quarterly report', () => {
  const schemas = new TestSchemas();
  let served: ServedBoardPage | undefined;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    served = await serveBoardPage(schemas);
    ({ app, browser } = served);
    await appendToStore(schemas, [
      registryEvents.coopAdmitted('velo-solidaire', 'scop'),
      on(consortiumStream(INCOME_AGGREGATE, DONATION), null, 'IncomeReceived', {
        incomeId: DONATION,
        kind: 'donation',
        amount: { unit: 'EUR', hundredths: 2_500_00 },
        receivedOn: '2027-02-10',
        funder: DONOR,
        recordedBy: 'board-1',
      }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await served?.stop();
    await schemas.drop();
  }, 60_000);

  it('writes the French editorial, publishes, and the public page shows it without signing in', async () => {
    const board = await browser.newContext({ locale: 'en-GB' });
    const page = await board.newPage();
    const token = tokenFor({ sub: 'board-1', role: 'board-member' });
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Lettre trimestrielle' }).click();
    await page.getByLabel('Trimestre (2027-Q1)').fill('2027-Q1');
    await page.getByText('Pas encore publiée').waitFor();
    await page.getByLabel('Éditorial en').selectOption('fr');
    await page.getByLabel('L’éditorial du conseil').fill(EDITORIAL);
    await page.getByRole('button', { name: 'Enregistrer l’éditorial' }).click();
    await page.getByText('Éditorial enregistré.').waitFor();
    // The preview has the consortium's own income of the quarter.
    await page
      .locator('tr[data-own-income="EUR"]')
      .filter({ hasText: DONATION_IN_FRENCH })
      .waitFor();
    await page.getByRole('button', { name: 'Publier la lettre' }).click();
    await page.getByRole('link', { name: 'La page publique' }).waitFor();
    await screenshot(page, 'quarterly-report-published');
    await board.close();

    const reader = await browser.newContext({ locale: 'fr-FR' });
    const publicPage = await reader.newPage();
    const response = await publicPage.goto(`${app.url}/public/reports/2027-Q1?lang=fr`);
    expect(response?.status()).toBe(200);
    await publicPage.getByRole('heading', { level: 1, name: /2027-Q1/ }).waitFor();
    expect(await publicPage.getByText(EDITORIAL).count()).toBe(1);
    const published = (await publicPage.content()).replace(/[\u00a0\u202f]/g, ' ');
    expect(published).toMatch(DONATION_IN_FRENCH);
    expect(published).not.toContain(DONOR);
    expect(await publicPage.locator('svg rect').count()).toBe(6);
    await screenshot(publicPage, 'quarterly-report-public');
    await reader.close();
  });
});
