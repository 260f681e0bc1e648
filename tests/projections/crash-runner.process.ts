// A projection runner in its own process, for the crash test: projects the coop-funds read model
// and prints one JSON line per batch while that batch's transaction is open (rows written, not yet
// committed), then lingers BATCH_DELAY_MS in it so that a SIGKILL lands mid-transaction.
//
// env: DATABASE_URL, EVENT_SCHEMA, READ_SCHEMA, BATCH_SIZE (default 100), BATCH_DELAY_MS (default 0)
import { LoggerService } from '@nestjs/common';
import { createDataSource } from '@libs/database';
import { PostgresEventStore } from '@libs/event-store';
import { Projection, ProjectionRunner } from '@libs/projections';
import { coopFundsProjection } from './coop-funds.fixture';

export interface BatchInTransaction {
  batch: { size: number; lastCheckpoint: string; lastPosition: number };
}

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const toStderr: LoggerService = {
  log: (message: string) => process.stderr.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
};

async function main(): Promise<void> {
  const env = process.env;
  const url = env.DATABASE_URL!;
  const delayMs = Number(env.BATCH_DELAY_MS ?? 0);
  const store = new PostgresEventStore({
    connectionString: url,
    schema: env.EVENT_SCHEMA,
    poolSize: 2,
  });
  const dataSource = await createDataSource({
    url,
    schema: env.READ_SCHEMA,
    entities: [],
    migrations: [],
    poolSize: 2,
  }).initialize();

  const funds = coopFundsProjection({
    name: 'coop-funds',
    schema: env.READ_SCHEMA!,
    table: 'coop_funds',
  });
  const slowFunds: Projection = {
    ...funds,
    batchSize: Number(env.BATCH_SIZE ?? 100),
    async apply(events, manager) {
      await funds.apply(events, manager);
      const last = events[events.length - 1];
      print({
        batch: {
          size: events.length,
          lastCheckpoint: last.checkpoint,
          lastPosition: last.globalPosition,
        },
      });
      await sleep(delayMs);
    },
  };
  const runner = new ProjectionRunner({
    store,
    dataSource,
    projections: [slowFunds],
    logger: toStderr,
  });
  await runner.start();

  const stop = async (): Promise<void> => {
    await runner.stop();
    await dataSource.destroy();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  print({ started: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
