import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { coopStream } from '@libs/contracts';
import { ANY, NewEvent, PostgresEventStore, Upcasters } from '@libs/event-store';
import {
  appendContributions,
  Contribution,
  contribution,
  coopFundsProjection,
  expectedCoopFunds,
  readCoopFunds,
} from '@tests/projections/coop-funds.fixture';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const COOPS = ['velo-solidaire', 'habitat-partage'];

class QuietLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** An amount no `bigint` column holds: PostgreSQL refuses it (22003) every time. */
const OVERFLOWING = 1e19;

describe('ProjectionRunner: an event a view cannot apply', () => {
  let bed: Testbed;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    bed = await openTestbed();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await bed.dispose();
  });

  function funds(batchSize = 50): Projection {
    return coopFundsProjection({
      name: 'coop-funds',
      schema: bed.readSchema,
      table: 'coop_funds',
      batchSize,
    });
  }

  function runner(
    projection: Projection,
    logger = new QuietLogger(),
    store = bed.store,
  ): ProjectionRunner {
    const created = new ProjectionRunner({
      store,
      dataSource: bed.dataSource,
      projections: [projection],
      logger,
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    runners.push(created);
    return created;
  }

  const rows = () => readCoopFunds(bed.url, bed.readSchema, 'coop_funds');

  async function appendOne(event: NewEvent): Promise<void> {
    await bed.store.appendToStream(
      coopStream('velo-solidaire', 'fund', randomUUID()),
      [event],
      ANY,
    );
  }

  it('given a batch with a bad event in the middle, when it runs, then the others are applied once, the bad one parked, the checkpoint past both', async () => {
    const before = await appendContributions(bed.store, COOPS, 30, 10);
    const poison = contribution('velo-solidaire', OVERFLOWING);
    await appendOne(poison);
    const after = await appendContributions(bed.store, COOPS, 30, 10);
    const logger = new QuietLogger();
    const projector = runner(funds(), logger);

    await projector.start();
    await projector.waitUntilCaughtUp();

    expect(await rows()).toEqual(expectedCoopFunds([...before, ...after]));
    const [status] = await projector.status();
    expect(status).toMatchObject({
      caughtUp: true,
      lag: 0,
      position: await bed.store.headPosition(),
      lastError: null,
      parkedEvents: 1,
    });
    const [parked] = await projector.parked('coop-funds');
    expect(parked).toMatchObject({
      projection: 'coop-funds',
      eventId: poison.eventId,
      eventType: 'ContributionReceived',
      streamVersion: 1,
      retries: 0,
    });
    expect(parked.error).toMatch(/out of range for type bigint/);
    expect(parked.parkedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(logger.warnings.join('\n')).toContain(`parked event ${poison.eventId}`);

    // A restart resumes after the parked event: neither it nor the others come again.
    await projector.stop();
    const more = await appendContributions(bed.store, COOPS, 10, 10);
    const restarted = runner(funds());
    await restarted.start();
    await restarted.waitUntilCaughtUp();
    expect(await rows()).toEqual(expectedCoopFunds([...before, ...after, ...more]));
    expect(await restarted.parked()).toHaveLength(1);
  });

  it('parks each bad event of a batch, also a payload of the wrong shape, and keeps retrying a transient failure', async () => {
    const good: Contribution[] = [];
    const poisons: NewEvent[] = [];
    for (let i = 0; i < 3; i++) {
      good.push(...(await appendContributions(bed.store, COOPS, 7, 7)));
      const poison =
        i === 1
          ? { ...contribution('velo-solidaire', 1), data: {} }
          : contribution('velo-solidaire', OVERFLOWING);
      poisons.push(poison);
      await appendOne(poison);
    }
    const inner = funds(100);
    let outages = 2;
    const flaky: Projection = {
      ...inner,
      async apply(events, manager) {
        if (outages-- > 0) throw new Error('Connection terminated unexpectedly');
        await inner.apply(events, manager);
      },
    };
    const projector = runner(flaky);
    await projector.start();
    await projector.waitUntilCaughtUp();

    expect(await rows()).toEqual(expectedCoopFunds(good));
    expect((await projector.parked()).map((p) => p.eventId)).toEqual(poisons.map((p) => p.eventId));
    expect((await projector.parked('coop-funds', 2)).map((p) => p.eventId)).toEqual(
      poisons.slice(0, 2).map((p) => p.eventId),
    );
  });

  it('given a fix, when its parked events are retried, then those that now apply leave the list once, and one that still fails stays', async () => {
    const good = await appendContributions(bed.store, COOPS, 20, 10);
    const fixable = contribution('velo-solidaire', 700);
    const hopeless = contribution('habitat-partage', OVERFLOWING);
    await appendOne(fixable);
    await appendOne(hopeless);
    const inner = funds();
    let fixed = false;
    // A projection with a bug on amounts of 700 (say), which a later version fixes.
    const buggy: Projection = {
      ...inner,
      async apply(events, manager) {
        if (!fixed && events.some((e) => (e.data as { amount: number }).amount === 700))
          throw new TypeError('Cannot read properties of undefined');
        await inner.apply(events, manager);
      },
    };
    const projector = runner(buggy);
    await projector.start();
    await projector.waitUntilCaughtUp();
    expect((await projector.parked()).map((p) => p.eventId)).toEqual([
      fixable.eventId,
      hopeless.eventId,
    ]);

    fixed = true;
    expect(await projector.retryParked('coop-funds')).toEqual({ applied: 1, stillParked: 1 });
    expect(await projector.retryParked('coop-funds')).toEqual({ applied: 0, stillParked: 1 });

    expect(await rows()).toEqual(
      expectedCoopFunds([...good, { coopId: 'velo-solidaire', amount: 700 }]),
    );
    const [left] = await projector.parked();
    expect(left).toMatchObject({ eventId: hopeless.eventId, retries: 2 });
    expect((await projector.status())[0].parkedEvents).toBe(1);

    // A rebuild replays everything: the list is made again from what still fails.
    await projector.rebuild('coop-funds');
    expect(await rows()).toEqual(
      expectedCoopFunds([...good, { coopId: 'velo-solidaire', amount: 700 }]),
    );
    expect(await projector.parked()).toMatchObject([{ eventId: hopeless.eventId, retries: 0 }]);
  });

  it('parks an event no upcaster can read, after applying the events before it in its page', async () => {
    // Version 0 of ContributionReceived said `cents`; its upcaster cannot read one without them.
    const v0 = (cents: number | undefined): NewEvent => ({
      ...contribution('velo-solidaire', 0),
      schemaVersion: 0,
      data: cents === undefined ? {} : { cents },
    });
    const upcaster = (strict: boolean) =>
      new Upcasters([
        {
          type: 'ContributionReceived',
          fromVersion: 0,
          upcast(data) {
            const { cents } = data as { cents?: number };
            if (cents === undefined && strict) throw new Error('no cents');
            return { amount: cents ?? 0 };
          },
        },
      ]);
    const stores: PostgresEventStore[] = [];
    const storeWith = async (upcasters: Upcasters) => {
      const store = new PostgresEventStore({
        connectionString: bed.url,
        schema: bed.eventSchema,
        upcasters,
        poolSize: 2,
      });
      await store.init();
      stores.push(store);
      return store;
    };
    try {
      const before = await appendContributions(bed.store, COOPS, 12, 4);
      await appendOne(v0(250));
      const unreadable = v0(undefined);
      await appendOne(unreadable);
      const after = await appendContributions(bed.store, COOPS, 12, 4);
      const strict = await storeWith(upcaster(true));
      const projector = runner(funds(50), new QuietLogger(), strict);

      await projector.start();
      await projector.waitUntilCaughtUp();

      const read = [...before, { coopId: 'velo-solidaire', amount: 250 }, ...after];
      expect(await rows()).toEqual(expectedCoopFunds(read));
      const [parked] = await projector.parked();
      expect(parked).toMatchObject({ eventId: unreadable.eventId, retries: 0 });
      expect(parked.error).toMatch(/UpcastError: cannot upcast ContributionReceived v0 .*no cents/);
      expect((await projector.status())[0]).toMatchObject({ lastError: null, parkedEvents: 1 });

      // Retried through a store whose upcaster reads it (as 0): applied, and off the list.
      await projector.stop();
      const fixed = runner(funds(50), new QuietLogger(), await storeWith(upcaster(false)));
      expect(await fixed.retryParked('coop-funds')).toEqual({ applied: 1, stillParked: 0 });
      expect(await rows()).toEqual(
        expectedCoopFunds([...read, { coopId: 'velo-solidaire', amount: 0 }]),
      );
    } finally {
      await Promise.all(runners.splice(0).map((r) => r.stop()));
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
