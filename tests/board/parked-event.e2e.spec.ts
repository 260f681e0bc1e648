/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { formatHundredths, pillarOf, Unit } from '@libs/contracts';
import { PostgresEventStore } from '@libs/event-store';
import { BOARD_MEMBERS, CURRENT_YEAR, startConsortium } from '../consortium/consortium-app';
import {
  appendAll,
  coopEvents,
  registryEvents,
  StreamEvent,
} from '../consortium/federation-events';
import { runCli } from '../portability/operator-cli';
import {
  apiClient,
  APP_ENTRY,
  DATABASE_URL,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { buildBoardPage } from './board-page-build';
import { browserAvailable, launchBrowser, screenshot } from './browser';

/**
 * One event the consortium's pooled-means view cannot apply, among 1,000 it can: the view parks
 * it and goes on; the board, the API and the operator's CLI say so; the operator's retry with the
 * fix applies it, and the figures are then those of a rebuild from scratch.
 *
 * The poison: a ContributionRecorded of schema version 0 (an early writer's shape, `amount`
 * where version 1 has `quantity`), for which this release has no upcaster. The fix: the upcaster
 * (`tests/consortium/contribution-v0.upcaster.ts`), given to the CLI through EVENT_UPCASTERS.
 */
const COOPS = ['velo-solidaire', 'casa-comune', 'bottega-corta'];
const UNITS: Unit[] = ['EUR', 'SOL', 'hours'];
const GOOD_EVENTS = 1_000;
const FIX = { EVENT_UPCASTERS: 'tests/consortium/contribution-v0.upcaster.ts' };
const POISON_EUR_HUNDREDTHS = 1234;
/** The views that take a coop's money in, and so cannot apply the poison event. */
const POISONED_VIEWS = ['pooled_means', 'books'];

interface TotalLine {
  unit: Unit;
  pledged: string;
  paid: string;
}
interface ReadModel {
  name: string;
  status: string;
  parkedEvents: number;
  parked: { eventId: string; eventType: string; error: string }[];
}

function goodContribution(i: number): { event: StreamEvent; unit: Unit; hundredths: number } {
  const unit = UNITS[i % UNITS.length];
  const hundredths = 100 + ((i * 7919) % 50_000);
  const event = coopEvents(COOPS[i % COOPS.length]).contributionRecorded(randomUUID(), {
    unit,
    hundredths,
  });
  return { event, unit, hundredths };
}

function poisonContribution(): StreamEvent {
  const { streamId, event } = coopEvents('velo-solidaire').contributionRecorded(randomUUID(), {
    unit: 'EUR',
    hundredths: POISON_EUR_HUNDREDTHS,
  });
  const { quantity: _, ...v1 } = event.data as { quantity: unknown };
  return {
    streamId,
    event: {
      ...event,
      schemaVersion: 0,
      data: { ...v1, pillar: pillarOf('dues'), amount: { amount: '12.34', currency: 'EUR' } },
    },
  };
}

function totals(hundredths: Map<Unit, number>): TotalLine[] {
  return UNITS.map((unit) => ({
    unit,
    pledged: '0.00',
    paid: formatHundredths(hundredths.get(unit) ?? 0),
  }));
}

const byUnit = (lines: TotalLine[]) => [...lines].sort((a, b) => (a.unit < b.unit ? -1 : 1));

describe('an event a view cannot apply, among 1,000 it can', () => {
  const schemas = new TestSchemas();
  const readModels = schemas.readModels();
  const store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    schema: schemas.eventStore,
    poolSize: 2,
  });
  const boardDir = mkdtempSync(join(tmpdir(), 'board-page-'));
  let app: RunningApp;
  let call: ReturnType<typeof apiClient>;
  const goodSums = new Map<Unit, number>();
  const poison = poisonContribution();
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['projections', ...args, '--schema', readModels], {
      DATABASE_URL,
      EVENT_STORE_SCHEMA: schemas.eventStore,
      ...env,
    });
  const readModelsNow = async () =>
    (await call<{ items: ReadModel[] }>('GET', '/read-models')).body.items;
  const pooledTotals = async () =>
    byUnit((await call<{ totals: TotalLine[] }>('GET', '/pooled-means')).body.totals);

  beforeAll(async () => {
    await store.init();
    // The board's page, built for this test (the consortium app serves it).
    await buildBoardPage(boardDir);
    const admitted = COOPS.flatMap((coopId) => [
      coopEvents(coopId).profileSet('social_coop_a'),
      coopEvents(coopId).applied(),
      registryEvents.coopAdmitted(coopId, 'social_coop_a'),
    ]);
    const good = Array.from({ length: GOOD_EVENTS }, (_, i) => goodContribution(i));
    for (const { unit, hundredths } of good) {
      goodSums.set(unit, (goodSums.get(unit) ?? 0) + hundredths);
    }
    // Half before the app starts (the poison in the middle of a catch-up batch), half while it runs.
    await appendAll(store, [
      ...admitted,
      ...good.slice(0, 400).map((g) => g.event),
      poison,
      ...good.slice(400, 500).map((g) => g.event),
    ]);
    app = await startApp(APP_ENTRY.consortium, schemas, {
      BOARD_MEMBERS: BOARD_MEMBERS.join(','),
      DATABASE_SCHEMA: readModels,
      BOARD_PAGE_DIR: boardDir,
    });
    call = apiClient(app.url, tokenFor({ sub: 'board-1', role: 'board-member' }));
    await appendAll(
      store,
      good.slice(500).map((g) => g.event),
    );
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await store.close();
    await schemas.drop();
    rmSync(boardDir, { recursive: true, force: true });
  }, 60_000);

  it('parks it and goes on: every good event lands, the view reports exactly one parked event', async () => {
    await eventually(
      async () => expect(await pooledTotals()).toEqual(byUnit(totals(goodSums))),
      60_000,
    );
    const items = await readModelsNow();
    // The two views that take a coop's money in: the pooled means and the consortium's books.
    for (const view of POISONED_VIEWS) {
      expect(items.find((item) => item.name === view)).toMatchObject({
        status: 'parked',
        parkedEvents: 1,
        parked: [
          {
            eventId: poison.event.eventId,
            eventType: 'ContributionRecorded',
            error: expect.stringMatching(/TypeError/),
          },
        ],
      });
    }
    for (const item of items.filter((i) => !POISONED_VIEWS.includes(i.name))) {
      expect(item).toMatchObject({ parkedEvents: 0, parked: [] });
    }
    // Every other view took all its events.
    const coops = await call<{ items: { coopId: string; status: string }[] }>('GET', '/coops');
    expect(coops.body.items.map((c) => [c.coopId, c.status]).sort()).toEqual(
      COOPS.map((c) => [c, 'admitted']).sort(),
    );
  }, 90_000);

  it('says the figures built on that view are partial: a Parked-Events header', async () => {
    await call('POST', '/budgets', {
      periodId: CURRENT_YEAR,
      startsOn: `${CURRENT_YEAR}-01-01`,
      endsOn: `${CURRENT_YEAR}-12-31`,
    });
    for (const [path, parked] of [
      ['/pooled-means', 'pooled_means=1'],
      ['/coops', 'pooled_means=1'],
      [`/budgets/${CURRENT_YEAR}`, 'pooled_means=1, books=1'],
    ]) {
      const response = await call('GET', path);
      expect([path, response.status, response.headers.get('parked-events')]).toEqual([
        path,
        200,
        parked,
      ]);
    }
    expect((await call('GET', '/resources')).headers.get('parked-events')).toBeNull();
  });

  it('lists it for the operator: npm run cli -- projections parked', async () => {
    const run = await cli(['parked']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = run.stdout.trim().split('\n');
    const eventLines = lines.filter((line) => line.startsWith('pooled_means\t'));
    expect(eventLines).toHaveLength(1);
    expect(eventLines[0]).toContain(poison.event.eventId);
    expect(eventLines[0]).toContain('ContributionRecorded');
    expect(lines).toContain('pooled_means: 1 parked');
    expect(run.stdout).toMatch(/TypeError: Cannot read properties of undefined/);

    // Retried before the fix: it fails again, and stays.
    const unfixed = await cli(['retry', 'pooled_means']);
    expect({ code: unfixed.code, stderr: unfixed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(unfixed.stdout).toContain('pooled_means: 0 applied, 1 still parked');
    expect(unfixed.stdout).toMatch(/retried 1×/);
    expect((await readModelsNow()).find((i) => i.name === 'pooled_means')).toMatchObject({
      parkedEvents: 1,
    });
  });

  (browserAvailable() ? it : it.skip)(
    "shows it on the board's page as an alert, gone once retried",
    async () => {
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        const page = await browser.newPage({ locale: 'en-GB' });
        const token = tokenFor({ sub: 'board-1', role: 'board-member' });
        await page.goto(`${app.url}/board/#token=${token}`);
        const alert = page.getByRole('alert').filter({ hasText: 'Some figures are incomplete' });
        await alert.waitFor({ timeout: 15_000 });
        expect(await alert.textContent()).toBe(
          'Some figures are incomplete (Pooled means, Books): recorded events that could not be added to them: 2. The consortium’s operator sees them and can add them once the cause is fixed.',
        );
        await screenshot(page, 'parked-event-alert');

        for (const view of POISONED_VIEWS) {
          const retried = await cli(['retry', view], FIX);
          expect(retried.stdout).toContain(`${view}: 1 applied, 0 still parked`);
        }
        // The page looks again every few seconds.
        await alert.waitFor({ state: 'detached', timeout: 15_000 });
      } finally {
        await browser?.close();
      }
    },
    60_000,
  );

  it('after the fix, retry leaves nothing parked and the figures of a from-scratch rebuild', async () => {
    // (Already applied by the browser's test when it ran: then this retry finds nothing left.)
    for (const view of POISONED_VIEWS) {
      const retried = await cli(['retry', view], FIX);
      expect(retried.code).toBe(0);
      expect(retried.stdout).toMatch(new RegExp(`${view}: [01] applied, 0 still parked`));
    }

    const all = new Map(goodSums);
    all.set('EUR', all.get('EUR')! + POISON_EUR_HUNDREDTHS);
    expect(await pooledTotals()).toEqual(byUnit(totals(all)));
    expect((await readModelsNow()).find((i) => i.name === 'pooled_means')).toMatchObject({
      status: 'up-to-date',
      parkedEvents: 0,
      parked: [],
    });
    expect((await call('GET', '/pooled-means')).headers.get('parked-events')).toBeNull();
    expect((await cli(['parked'])).stdout.trim()).toBe('no parked events');

    // A rebuild from the first event, with the fix, into a fresh schema: the same figures.
    const rebuilt = schemas.readModels();
    const rebuild = await runCli(
      ['projections', 'rebuild', '--app', 'consortium', '--schema', rebuilt],
      { DATABASE_URL, EVENT_STORE_SCHEMA: schemas.eventStore, ...FIX },
    );
    expect({ code: rebuild.code, stderr: rebuild.stderr }).toEqual({ code: 0, stderr: '' });
    const fromScratch = await startConsortium(schemas, rebuilt);
    try {
      for (const path of ['/pooled-means', '/coops']) {
        const [live, scratch] = await Promise.all([
          call('GET', path),
          fromScratch.board()('GET', path),
        ]);
        expect([path, live.body]).toEqual([path, scratch.body]);
      }
    } finally {
      await fromScratch.app.stop();
    }
  }, 120_000);
});
