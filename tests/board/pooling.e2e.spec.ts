/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { coopStream, TRAINING_AGGREGATE } from '@libs/contracts';
import { PostgresEventStore } from '@libs/event-store';
import { coopAdminToken } from '../coop/coop-app';
import { expectStatus } from '../consortium/consortium-app';
import {
  appendAll,
  coopEvents,
  on,
  registryEvents,
  StreamEvent,
} from '../consortium/federation-events';
import {
  apiClient,
  DATABASE_URL,
  eventually,
  RunningApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { browserAvailable, freshPage, screenshotAndClose } from './browser';
import { ServedBoardPage, serveBoardPage } from './board-page-build';

/**
 * The board page's "pooling beyond money" section in a real browser, in its three languages: the
 * upcoming trainings with their places left, the time accounts, and a resource's bookings, as
 * the consortium's API answers them.
 */
const VELO = 'velo-solidaire';
const CASA = 'casa-comune';
const BOTTEGA = 'bottega-corta';
const CARGO_BIKE = randomUUID();
const UPCOMING = randomUUID();
const PAST = randomUUID();
const describeWithBrowser = browserAvailable() ? describe : describe.skip;

function trainingOffered(trainingId: string, title: string, startsAt: string): StreamEvent {
  return on(coopStream(VELO, TRAINING_AGGREGATE, trainingId), VELO, 'TrainingOffered', {
    trainingId,
    title,
    theme: 'mobility',
    startsAt,
    hours: 350,
    places: 8,
    price: { type: 'free' },
    language: 'it',
    offeredOn: '2027-03-01',
  });
}

describeWithBrowser('the board page’s pooling section', () => {
  const schemas = new TestSchemas();
  const store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    schema: schemas.eventStore,
    poolSize: 1,
  });
  const startsAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const bookingFrom = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const bookingTo = new Date(Date.now() + 10 * 86_400_000 + 3 * 3_600_000).toISOString();
  let served: ServedBoardPage | undefined;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await store.init();
    await appendAll(store, [
      ...[VELO, CASA, BOTTEGA].map((coopId) => registryEvents.coopAdmitted(coopId, 'scop')),
      trainingOffered(UPCOMING, 'Repairing cargo bikes', startsAt),
      trainingOffered(PAST, 'Last year’s training', '2020-01-01T09:00:00.000Z'),
      coopEvents(VELO).resourceShared(CARGO_BIKE, 'vehicle', ['mobility']),
    ]);
    served = await serveBoardPage(schemas);
    ({ app, browser } = served);
    const admin = (coopId: string) => apiClient(app.url, coopAdminToken(coopId));
    await eventually(async () =>
      expectStatus(admin(CASA)('POST', `/trainings/${UPCOMING}/enrolments`, { participants: 3 })),
    );
    const given = await expectStatus<{ exchangeId: string }>(
      admin(CASA)('POST', '/exchanges', {
        toCoopId: VELO,
        hours: '4.5',
        kind: 'skill_exchange',
        theme: 'housing',
        on: '2027-03-04',
      }),
    );
    await expectStatus(admin(VELO)('POST', `/exchanges/${given.body.exchangeId}/confirmation`));
    await eventually(async () =>
      expectStatus(
        admin(BOTTEGA)('POST', `/resources/${CARGO_BIKE}/bookings`, {
          from: bookingFrom,
          to: bookingTo,
        }),
      ),
    );
  }, 180_000);

  afterAll(async () => {
    await served?.stop();
    await store.close();
    await schemas.drop();
  }, 60_000);

  beforeEach(async () => {
    ({ context, page } = await freshPage(browser, 'en-GB'));
  });

  afterEach(() => screenshotAndClose(page, context));

  const rowOf = (text: string, table = 'table') =>
    page.locator(table).getByRole('row').filter({ hasText: text });
  const texts = async (text: string, table = 'table') =>
    (await rowOf(text, table).first().locator('th, td').allTextContents()).map((cell) =>
      cell.replace(/[\u00a0\u202f]/g, ' '),
    );

  it('shows the upcoming trainings with places left, the time accounts, a resource’s bookings', async () => {
    const token = tokenFor({ sub: 'board-1', role: 'board-member' });
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByRole('link', { name: 'Pooling beyond money' }).click();
    await page.getByRole('heading', { level: 2, name: 'Pooling beyond money' }).waitFor();

    await eventually(async () => {
      await page.reload();
      await rowOf('Repairing cargo bikes').waitFor({ timeout: 2_000 });
      expect((await texts('Repairing cargo bikes')).at(-1)).toBe('5 of 8');
    }, 30_000);
    expect(await rowOf('Last year’s training').count()).toBe(0);

    await eventually(async () => {
      await page.reload();
      await rowOf(CASA, 'table.time-accounts').first().waitFor({ timeout: 2_000 });
    }, 30_000);
    const hours = (h: number) =>
      new Intl.NumberFormat('en-GB', {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'short',
        maximumFractionDigits: 2,
      })
        .format(h)
        .replace(/[\u00a0\u202f]/g, ' ');
    expect(await texts(CASA, 'table.time-accounts')).toEqual([
      CASA,
      hours(4.5),
      hours(0),
      hours(4.5),
    ]);
    expect(await texts(VELO, 'table.time-accounts')).toEqual([
      VELO,
      hours(0),
      hours(4.5),
      hours(-4.5),
    ]);

    await page.getByLabel('Resource', { exact: true }).selectOption(CARGO_BIKE);
    await rowOf(BOTTEGA, 'table.bookings').waitFor();
    expect((await texts(BOTTEGA, 'table.bookings'))[1]).toContain(`${bookingTo.slice(11, 16)} UTC`);
  });

  it('speaks French and Italian', async () => {
    const token = tokenFor({ sub: 'board-1', role: 'board-member' });
    await page.goto(`${app.url}/board/#token=${token}`);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Mutualiser sans argent' }).click();
    await page.getByRole('heading', { level: 3, name: 'Formations à venir' }).waitFor();
    await rowOf('Repairing cargo bikes').waitFor();
    expect((await texts('Repairing cargo bikes')).at(-1)).toBe('5 sur 8');
    await page.getByText('Comptes-temps entre coops').waitFor();

    await page.getByLabel('Langue').selectOption('it');
    await page.getByRole('heading', { level: 2, name: 'Mettere in comune senza denaro' }).waitFor();
    expect((await texts('Repairing cargo bikes')).at(-1)).toBe('5 su 8');
    await page.getByText('Prenotazioni di una risorsa').waitFor();
  });
});
