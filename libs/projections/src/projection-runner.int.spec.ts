import { DynamicModule, LoggerService, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { coopStream } from '@libs/contracts';
import { typeOrmModuleOptions } from '@libs/database';
import { ANY, EVENT_STORE, EventStore } from '@libs/event-store';
import {
  appendContributions,
  coopFundsProjection,
  CoopFundsOptions,
  expectedCoopFunds,
  otherEvent,
  readCoopFunds,
} from '@tests/projections/coop-funds.fixture';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ProjectionsModule } from './projections.module';

const COOPS = ['velo-solidaire', 'habitat-partage', 'epicerie-du-coin'];

/** Keeps the test output clean and lets tests see what the runner reported. */
class RecordingLogger implements LoggerService {
  readonly errors: string[] = [];
  log(): void {}
  warn(): void {}
  error(message: string): void {
    this.errors.push(message);
  }
}

/** The app's EventStore, as the event-store module provides it: global, under EVENT_STORE. */
@Module({})
class EventStoreTestModule {
  static with(store: EventStore): DynamicModule {
    const provider = { provide: EVENT_STORE, useValue: store };
    return {
      module: EventStoreTestModule,
      global: true,
      providers: [provider],
      exports: [provider],
    };
  }
}

describe('ProjectionRunner', () => {
  let bed: Testbed;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    bed = await openTestbed();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await bed.dispose();
  });

  function funds(options: Partial<CoopFundsOptions> = {}): Projection {
    return coopFundsProjection({
      name: 'coop-funds',
      schema: bed.readSchema,
      table: 'coop_funds',
      ...options,
    });
  }

  function runner(
    projections: Projection[],
    options: Partial<ProjectionRunnerOptions> = {},
  ): ProjectionRunner {
    const created = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections,
      logger: new RecordingLogger(),
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
      ...options,
    });
    runners.push(created);
    return created;
  }

  const rows = (table = 'coop_funds') => readCoopFunds(bed.url, bed.readSchema, table);

  it('applies every event exactly once, batch by batch, also those appended while it runs', async () => {
    const before = await appendContributions(bed.store, COOPS, 400);
    const projector = runner([funds({ batchSize: 37 })]);
    await projector.start();
    const during = await appendContributions(bed.store, COOPS, 300);
    await projector.waitUntilCaughtUp();

    expect(await rows()).toEqual(expectedCoopFunds([...before, ...during]));
    const [status] = await projector.status();
    expect(status).toMatchObject({
      name: 'coop-funds',
      version: 1,
      position: status.headPosition,
      lag: 0,
      running: true,
      caughtUp: true,
      lastError: null,
    });
    expect(status.headPosition).toBe(await bed.store.headPosition());
  });

  it('resumes from its checkpoint after a stop, applying nothing twice', async () => {
    const first = await appendContributions(bed.store, COOPS, 200);
    const before = runner([funds()]);
    await before.start();
    await before.waitUntilCaughtUp();
    await before.stop();

    const second = await appendContributions(bed.store, COOPS, 150);
    const after = runner([funds()]);
    await after.start();
    await after.waitUntilCaughtUp();

    expect(await rows()).toEqual(expectedCoopFunds([...first, ...second]));
  });

  it('waits, when not running (a follower replica), until the runner that is has caught up', async () => {
    const before = await appendContributions(bed.store, COOPS, 100);
    const follower = runner([funds()]);
    const leader = runner([funds({ batchSize: 10 })]);
    await leader.start();
    const more = await appendContributions(bed.store, COOPS, 100);

    await follower.waitUntilCaughtUp(10_000);
    const [status] = await follower.status();
    expect(status).toMatchObject({ running: false, caughtUp: true, lag: 0 });
    expect(status.position).toBe(await bed.store.headPosition());
    expect(await rows()).toEqual(expectedCoopFunds([...before, ...more]));
  });

  it('rebuilds the same rows from the first event, as a from-scratch projection does', async () => {
    const appended = await appendContributions(bed.store, COOPS, 300);
    const fromScratch = funds({ name: 'coop-funds-scratch', table: 'coop_funds_scratch' });
    const projector = runner([funds({ batchSize: 50 }), fromScratch]);
    await projector.start();
    await projector.waitUntilCaughtUp();

    await projector.rebuild('coop-funds');
    const more = await appendContributions(bed.store, COOPS, 50);
    await projector.rebuild('coop-funds');
    await projector.waitUntilCaughtUp();

    const expected = expectedCoopFunds([...appended, ...more]);
    expect(await rows()).toEqual(expected);
    expect(await rows('coop_funds_scratch')).toEqual(expected);
  });

  it('rebuilds a stopped projection to the head and leaves it stopped', async () => {
    const appended = await appendContributions(bed.store, COOPS, 120);
    const projector = runner([funds()]);
    await projector.rebuild('coop-funds');

    expect(await rows()).toEqual(expectedCoopFunds(appended));
    const [status] = await projector.status();
    expect(status).toMatchObject({ running: false, caughtUp: true, lag: 0 });
  });

  it('rebuilds by itself when the projection version changes', async () => {
    const appended = await appendContributions(bed.store, COOPS, 200);
    const v1 = runner([funds({ version: 1 })]);
    await v1.start();
    await v1.waitUntilCaughtUp();
    await v1.stop();

    const v2 = runner([funds({ version: 2, scale: 100 })]);
    await v2.start();
    await v2.waitUntilCaughtUp();

    expect(await rows()).toEqual(expectedCoopFunds(appended, 100));
    expect((await v2.status())[0]).toMatchObject({ version: 2, caughtUp: true });

    // An older deployment still around leaves the newer rows alone.
    const stale = runner([funds({ version: 1 })]);
    await stale.start();
    await expect(stale.waitUntilCaughtUp(1_000)).rejects.toThrow(
      /at version 2, newer than this runner's 1/,
    );
    expect(await rows()).toEqual(expectedCoopFunds(appended, 100));
  });

  it('reports lag before catching up, and no lag for a filtered projection whose events are all in', async () => {
    const velo = await appendContributions(bed.store, ['velo-solidaire'], 60);
    await appendContributions(bed.store, ['habitat-partage'], 40);
    await bed.store.appendToStream(
      coopStream('velo-solidaire', 'member', 'm1'),
      [otherEvent('velo-solidaire')],
      ANY,
    );
    const head = await bed.store.headPosition();
    const veloOnly = funds({
      name: 'velo-funds',
      table: 'velo_funds',
      filter: { coopId: 'velo-solidaire' },
    });
    const projector = runner([veloOnly]);

    expect(await projector.status()).toEqual([
      {
        name: 'velo-funds',
        version: 1,
        checkpoint: null,
        position: 0,
        headPosition: head,
        lag: head,
        running: false,
        caughtUp: false,
        rebuilding: false,
        lastError: null,
        parkedEvents: 0,
      },
    ]);

    await projector.start();
    await projector.waitUntilCaughtUp();
    const [status] = await projector.status();
    expect(status.position).toBeLessThan(head);
    expect(status).toMatchObject({ headPosition: head, lag: 0, caughtUp: true, running: true });
    expect(await rows('velo_funds')).toEqual(expectedCoopFunds(velo));
  });

  it('retries a failing projection with backoff, keeping nothing of its failed batches, while others go on', async () => {
    const appended = await appendContributions(bed.store, COOPS, 200);
    const inner = funds({ name: 'flaky', table: 'flaky_funds', batchSize: 30 });
    let failuresLeft = 3;
    const flaky: Projection = {
      ...inner,
      async apply(events, manager) {
        await inner.apply(events, manager); // written, then rolled back by the failure
        if (events.some((e) => e.globalPosition > 100) && failuresLeft-- > 0)
          throw new Error('disk full');
      },
    };
    const logger = new RecordingLogger();
    const projector = runner([flaky, funds()], { logger });
    await projector.start();
    await projector.waitUntilCaughtUp();

    expect(failuresLeft).toBeLessThan(0);
    expect(logger.errors).toHaveLength(3);
    expect(logger.errors[0]).toMatch(/projection flaky stopped: disk full; retrying in \d+ ms/);
    expect(await rows('flaky_funds')).toEqual(expectedCoopFunds(appended));
    expect(await rows()).toEqual(expectedCoopFunds(appended));
    expect((await projector.status()).map((s) => s.lastError)).toEqual([null, null]);
  });

  it('applies nothing twice when two runners run the same projection on one read model', async () => {
    const [a, b] = [runner([funds({ batchSize: 20 })]), runner([funds({ batchSize: 20 })])];
    await Promise.all([a.start(), b.start()]);
    const appended = await appendContributions(bed.store, COOPS, 300);
    await Promise.all([a.waitUntilCaughtUp(), b.waitUntilCaughtUp()]);

    expect(await rows()).toEqual(expectedCoopFunds(appended));
  });

  it('names the laggard and its error when it does not catch up in time', async () => {
    await appendContributions(bed.store, COOPS, 10);
    const broken: Projection = {
      ...funds(),
      async apply() {
        throw new Error('read model table is gone');
      },
    };
    const projector = runner([broken]);
    await projector.start();

    await expect(projector.waitUntilCaughtUp(2_000)).rejects.toThrow(
      /projection coop-funds has not reached position 10 .*read model table is gone/,
    );
    expect((await projector.status())[0]).toMatchObject({
      caughtUp: false,
      lag: 10,
      lastError: 'read model table is gone',
    });
  });

  it('runs for a Nest app from bootstrap to shutdown', async () => {
    const appended = await appendContributions(bed.store, COOPS, 100);
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreTestModule.with(bed.store),
        TypeOrmModule.forRootAsync(
          typeOrmModuleOptions(() => ({
            url: bed.url,
            schema: bed.readSchema,
            entities: [],
            migrations: [],
          })),
        ),
        ProjectionsModule.forRoot({ projections: [funds()], logger: new RecordingLogger() }),
      ],
    }).compile();
    const app = await moduleRef.init();
    const projector = app.get(ProjectionRunner);
    const stop = jest.spyOn(projector, 'stop');
    try {
      await projector.waitUntilCaughtUp();
      expect(await rows()).toEqual(expectedCoopFunds(appended));
      expect((await projector.status())[0].running).toBe(true);
    } finally {
      await app.close();
    }
    expect(stop).toHaveBeenCalled();
  });

  it('runs the projections a context registers from its own module', async () => {
    const appended = await appendContributions(bed.store, COOPS, 10);
    @Module({ imports: [ProjectionsModule.forFeature({ projections: () => [funds()] })] })
    class FundsContext {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreTestModule.with(bed.store),
        TypeOrmModule.forRootAsync(
          typeOrmModuleOptions(() => ({
            url: bed.url,
            schema: bed.readSchema,
            entities: [],
            migrations: [],
          })),
        ),
        ProjectionsModule.forRoot({ logger: new RecordingLogger() }),
        FundsContext,
      ],
    }).compile();
    const app = await moduleRef.init();
    const projector = app.get(ProjectionRunner);
    try {
      await projector.waitUntilCaughtUp();
      expect((await projector.status()).map((status) => status.name)).toEqual([funds().name]);
      expect(await rows()).toEqual(expectedCoopFunds(appended));
    } finally {
      await app.close();
    }
  });
});
