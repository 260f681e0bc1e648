// Invariant 1 under the worst case: a projection runner killed (SIGKILL) in the middle of a batch
// transaction, again and again, while events keep coming. Its read model holds running sums, so an
// event applied twice or lost shows. The runner is a real child process on DATABASE_URL (the
// embedded PGlite of globalSetup, or a real PostgreSQL).
import { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LoggerService } from '@nestjs/common';
import { START } from '@libs/event-store';
import { ProjectionRunner, StoredCheckpoint } from '@libs/projections';
import { spawnTs, stopProcess } from '../support/child-process';
import { randomUUID } from 'node:crypto';
import { coopStream } from '@libs/contracts';
import { ANY } from '@libs/event-store';
import {
  appendContributions,
  Contribution,
  contribution,
  CONTRIBUTION_RECEIVED,
  ContributionReceived,
  coopFundsProjection,
  CoopFundsRow,
  expectedCoopFunds,
  readCoopFunds,
} from './coop-funds.fixture';
import type { BatchInTransaction } from './crash-runner.process';
import { openTestbed, Testbed } from './testbed';

const CHILD = 'tests/projections/crash-runner.process.ts';
const COOPS = [
  'velo-solidaire',
  'habitat-partage',
  'epicerie-du-coin',
  'atelier-bois',
  'ecole-libre',
];
// The batch at which each run is killed; the last run is left to catch up.
const KILL_AT_BATCH = [3, 5, 1, 4];
const quiet: LoggerService = { log() {}, warn() {}, error() {} };

jest.setTimeout(300_000);

/** The JSON lines a child prints, awaited one by one. */
class JsonLines {
  private readonly lines: unknown[] = [];
  private readonly wakers = new Set<() => void>();
  private stderr = '';
  private exited = false;

  constructor(child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        this.lines.push(JSON.parse(line));
      } catch {
        return;
      }
      this.wakeAll();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.once('exit', () => {
      this.exited = true;
      this.wakeAll();
    });
  }

  /** The next line (after those already taken) that matches, skipping the others. */
  async next<T>(matches: (line: unknown) => line is T): Promise<T> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) {
        if (matches(line)) return line;
        continue;
      }
      if (this.exited) throw new Error(`the runner exited\n${this.stderr}`);
      await new Promise<void>((resolve) => this.wakers.add(resolve));
    }
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }
}

const isBatch = (line: unknown): line is BatchInTransaction =>
  typeof line === 'object' && line !== null && 'batch' in line;
const isStarted = (line: unknown): line is { started: true } =>
  typeof line === 'object' && line !== null && 'started' in line;

/**
 * The runner started again in a child process (`meanwhile` runs once it has started), until the
 * observer, which only reads checkpoints, sees it caught up; then stopped.
 */
async function restartUntilCaughtUp(
  env: NodeJS.ProcessEnv,
  observer: ProjectionRunner,
  meanwhile: () => Promise<void> = async () => {},
): Promise<void> {
  const child = spawnTs(CHILD, [], env);
  try {
    await new JsonLines(child).next(isStarted);
    await meanwhile();
    const deadline = Date.now() + 120_000;
    while (!(await observer.status())[0].caughtUp) {
      if (Date.now() > deadline) throw new Error('the restarted runner did not catch up');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await stopProcess(child);
  }
}

describe('a projection runner killed in the middle of batches', () => {
  let bed: Testbed;

  beforeAll(async () => {
    bed = await openTestbed();
  });

  afterAll(async () => {
    await bed.dispose();
  });

  const funds = (name: string, table: string) =>
    coopFundsProjection({ name, schema: bed.readSchema, table });

  /** The sums the events up to `checkpoint` (in log order) make: what the rows must be at it. */
  async function sumsAt(checkpoint: string): Promise<CoopFundsRow[]> {
    const applied: Contribution[] = [];
    if (checkpoint === START) return [];
    for await (const event of bed.store.readAll(START, {
      filter: { eventTypes: [CONTRIBUTION_RECEIVED] },
    })) {
      applied.push({
        coopId: event.metadata.coopId!,
        amount: (event.data as ContributionReceived).amount,
      });
      if (event.checkpoint === checkpoint) return expectedCoopFunds(applied);
    }
    throw new Error(`checkpoint ${checkpoint} is not in the log`);
  }

  it('applies every event exactly once across SIGKILLs and restarts, as a rebuild does', async () => {
    const appended = await appendContributions(bed.store, COOPS, 3_000, 50);
    const env = {
      DATABASE_URL: bed.url,
      EVENT_SCHEMA: bed.eventSchema,
      READ_SCHEMA: bed.readSchema,
      BATCH_SIZE: '100',
    };
    // Not started: it only reads the checkpoint the child writes, through status().
    const observer = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [funds('coop-funds', 'coop_funds')],
      logger: quiet,
    });
    const stored = async (): Promise<StoredCheckpoint> => {
      const [status] = await observer.status();
      return {
        name: status.name,
        version: status.version,
        checkpoint: status.checkpoint ?? START,
        position: status.position,
      };
    };

    for (const killAt of KILL_AT_BATCH) {
      const child = spawnTs(CHILD, [], { ...env, BATCH_DELAY_MS: '300' });
      const lines = new JsonLines(child);
      const arriving = appendContributions(bed.store, COOPS, 150, 10);
      let batch: BatchInTransaction | undefined;
      for (let n = 1; n <= killAt; n++) batch = await lines.next(isBatch);
      await stopProcess(child, 'SIGKILL');
      appended.push(...(await arriving));

      const at = await stored();
      // The killed batch was in its transaction: none of it stayed, and the rows match the checkpoint.
      expect(at.checkpoint).not.toBe(batch!.batch.lastCheckpoint);
      expect(await readCoopFunds(bed.url, bed.readSchema, 'coop_funds')).toEqual(
        await sumsAt(at.checkpoint),
      );
    }

    await restartUntilCaughtUp(env, observer, async () => {
      appended.push(...(await appendContributions(bed.store, COOPS, 300, 10)));
    });

    const rebuilt = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [funds('coop-funds-rebuilt', 'coop_funds_rebuilt')],
      logger: quiet,
    });
    await rebuilt.rebuild('coop-funds-rebuilt');

    const rows = await readCoopFunds(bed.url, bed.readSchema, 'coop_funds');
    expect(rows).toEqual(await readCoopFunds(bed.url, bed.readSchema, 'coop_funds_rebuilt'));
    expect(rows).toEqual(expectedCoopFunds(appended));
    const [crashed] = await observer.status();
    const [scratch] = await rebuilt.status();
    const head = await bed.store.headPosition();
    expect(crashed).toMatchObject({
      position: head,
      lag: 0,
      caughtUp: true,
      checkpoint: scratch.checkpoint,
    });
  });

  it('parks the same events and applies the others exactly once across SIGKILLs during the event-by-event pass', async () => {
    const poisonBed = await openTestbed();
    try {
      // An amount no bigint column holds: each poison's batch fails, then goes event by event.
      const POISON = 1e19;
      const appended: Contribution[] = [];
      const poisons: string[] = [];
      for (let i = 0; i < 5; i++) {
        appended.push(...(await appendContributions(poisonBed.store, COOPS, 130, 10)));
        const poison = contribution(COOPS[i], POISON);
        poisons.push(poison.eventId);
        await poisonBed.store.appendToStream(
          coopStream(COOPS[i], 'fund', randomUUID()),
          [poison],
          ANY,
        );
      }
      const env = {
        DATABASE_URL: poisonBed.url,
        EVENT_SCHEMA: poisonBed.eventSchema,
        READ_SCHEMA: poisonBed.readSchema,
        BATCH_SIZE: '100',
      };
      const observer = new ProjectionRunner({
        store: poisonBed.store,
        dataSource: poisonBed.dataSource,
        projections: [
          coopFundsProjection({
            name: 'coop-funds',
            schema: poisonBed.readSchema,
            table: 'coop_funds',
          }),
        ],
        logger: quiet,
      });
      /** The good events' sums and the poisons up to the stored checkpoint, in log order. */
      const expectedAtCheckpoint = async () => {
        const [{ checkpoint }] = await observer.status();
        const applied: Contribution[] = [];
        const parked: string[] = [];
        if (checkpoint === null) return { rows: [], parked };
        for await (const event of poisonBed.store.readAll(START)) {
          const { amount } = event.data as ContributionReceived;
          if (amount === POISON) parked.push(event.eventId);
          else applied.push({ coopId: event.metadata.coopId!, amount });
          if (event.checkpoint === checkpoint) break;
        }
        return { rows: expectedCoopFunds(applied), parked };
      };
      const actual = async () => ({
        rows: await readCoopFunds(poisonBed.url, poisonBed.readSchema, 'coop_funds'),
        parked: (await observer.parked()).map((event) => event.eventId),
      });

      // Killed at the n-th event applied alone: inside a poison's batch, the later ones further on.
      for (const killAt of [40, 130, 250]) {
        const child = spawnTs(CHILD, [], { ...env, BATCH_DELAY_MS: '10' });
        const lines = new JsonLines(child);
        const alone = (line: unknown): line is BatchInTransaction =>
          isBatch(line) && line.batch.size === 1;
        for (let n = 1; n <= killAt; n++) await lines.next(alone);
        await stopProcess(child, 'SIGKILL');
        expect(await actual()).toEqual(await expectedAtCheckpoint());
      }

      await restartUntilCaughtUp(env, observer);
      expect(await actual()).toEqual({ rows: expectedCoopFunds(appended), parked: poisons });
    } finally {
      await poisonBed.dispose();
    }
  });
});
