/// <reference lib="dom" />
import { Browser, BrowserContext, Page } from 'playwright-core';
import { createdId } from '../coop/coop-app';
import { daysAgo, expectStatus } from '../consortium/consortium-app';
import { apiClient, eventually, RunningApp, TestSchemas, tokenFor } from '../support/apps';
import { browserAvailable, freshPage, screenshotAndClose } from './browser';
import { ServedBoardPage, serveBoardPage } from './board-page-build';

/** The board page's incubation section in a real browser: the pipeline, one column per stage. */
const describeWithBrowser = browserAvailable() ? describe : describe.skip;

describeWithBrowser('the board page’s incubation section', () => {
  const schemas = new TestSchemas();
  const token = tokenFor({ sub: 'board-1', role: 'board-member' });
  let served: ServedBoardPage | undefined;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    served = await serveBoardPage(schemas);
    ({ app, browser } = served);
    projectId = createdId(
      await apiClient(app.url, token)('POST', '/projects', {
        name: 'Ciclofficina di Barriera',
        themes: ['mobility'],
        territory: 'Torino',
        stage: 'idea',
        on: daysAgo(12),
      }),
      'projectId',
    );
  }, 180_000);

  afterAll(async () => {
    await served?.stop();
    await schemas.drop();
  }, 60_000);

  beforeEach(async () => {
    ({ context, page } = await freshPage(browser, 'en-GB'));
  });

  afterEach(() => screenshotAndClose(page, context));

  const column = (name: string) =>
    page.getByRole('region', { name, exact: true }).getByRole('listitem');

  it('shows the project in its stage’s column, and in the next one once it moved on', async () => {
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByRole('link', { name: 'Incubation' }).click();
    await eventually(async () => {
      await page.reload();
      await column('Idea').first().waitFor({ timeout: 2_000 });
    }, 30_000);
    expect(await column('Idea').allTextContents()).toEqual([
      'Ciclofficina di Barriera 12 days in this stage',
    ]);
    expect(await column('Feasibility study').count()).toBe(0);

    await expectStatus(
      apiClient(app.url, token)('POST', `/projects/${projectId}/stage`, {
        stage: 'study',
        on: daysAgo(2),
      }),
    );
    await eventually(async () => {
      await page.reload();
      await column('Feasibility study').first().waitFor({ timeout: 2_000 });
    }, 30_000);
    expect(await column('Feasibility study').allTextContents()).toEqual([
      'Ciclofficina di Barriera 2 days in this stage',
    ]);
    expect(await column('Idea').count()).toBe(0);

    await page.getByRole('button', { name: 'Ciclofficina di Barriera' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ciclofficina di Barriera' }).waitFor();
    await page.getByText('Time in each stage').waitFor();
  });

  it('speaks French and Italian', async () => {
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Incubateur' }).click();
    await column('Étude de faisabilité').first().waitFor();
    expect(await column('Étude de faisabilité').allTextContents()).toEqual([
      'Ciclofficina di Barriera 2 jours à cette étape',
    ]);
    await page.getByLabel('Langue').selectOption('it');
    await column('Studio di fattibilità').first().waitFor();
    expect(await column('Studio di fattibilità').allTextContents()).toEqual([
      'Ciclofficina di Barriera 2 giorni in questa fase',
    ]);
  });

  it('keeps a graduated project’s pre-history: under the coops it became, and on the coop’s row', async () => {
    const board = apiClient(app.url, token);
    await expectStatus(
      board('POST', `/projects/${projectId}/stage`, { stage: 'constitution', on: daysAgo(1) }),
    );
    await expectStatus(
      board('POST', `/projects/${projectId}/support`, {
        kind: 'mentoring',
        hours: '6.5',
        byCoopId: 'velo-solidaire',
      }),
    );
    await expectStatus(
      board('POST', `/projects/${projectId}/graduation`, {
        coopId: 'ciclofficina-barriera',
        legalForm: 'social_coop_b',
        on: daysAgo(0),
      }),
    );
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByRole('link', { name: 'Incubation' }).click();
    const graduated = page.getByRole('region', { name: 'Became coops' }).getByRole('listitem');
    await eventually(async () => {
      await page.reload();
      await graduated.first().waitFor({ timeout: 2_000 });
    }, 30_000);
    expect(await graduated.allTextContents()).toEqual([
      'Ciclofficina di Barriera Graduated: coop ciclofficina-barriera',
    ]);
    expect(await column('Constitution').count()).toBe(0);
    await graduated.getByRole('button', { name: 'Ciclofficina di Barriera' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ciclofficina di Barriera' }).waitFor();
    await page.getByText('Funds held at graduation, the coop’s').waitFor();

    // The coop's row (member_coops) and its pre-history (incubated_projects) are two views, each
    // catching up on its own: the row may show a moment before its pre-history does.
    const row = page.getByRole('row', { name: /Ciclofficina di Barriera/ });
    await eventually(async () => {
      await page.reload();
      await page.getByRole('link', { name: 'Member coops' }).click();
      await row.waitFor({ timeout: 2_000 });
      expect(await row.textContent()).toMatch(/Incubated 12 days, 6\.5 hrs of support received/);
    }, 30_000);
  });
});
