import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { DATABASE_URL, TestSchemas } from '../support/apps';
import { CoopUnderTest, createdId, startCoop } from './coop-app';
import { contribution, eur, PROFILE } from './sample-requests';

// Answers kept for Idempotency-Key retries expire (IDEMPOTENCY_TTL_HOURS, here two seconds): then
// the key is free again, and a later write purges them; no timer runs while the app is idle.
const COOP_ID = 'orto-breve';
const TTL_SECONDS = 2;
const schemas = new TestSchemas();
const readModels = schemas.readModels();
let coop: CoopUnderTest;

beforeAll(async () => {
  coop = await startCoop(schemas, COOP_ID, {
    DATABASE_SCHEMA: readModels,
    IDEMPOTENCY_TTL_HOURS: String(TTL_SECONDS / 3600),
  });
  expect((await coop.admin('PUT', '/coop', PROFILE)).status).toBe(200);
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

/** The answers the app keeps for `key`, whoever sent it. */
async function keptAnswers(key: string): Promise<number> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quoteIdentifier(readModels)}.idempotency_keys WHERE key = $1`,
      [key],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Idempotency-Key answers expire', () => {
  it('an answer older than its time is purged on a later write, and its key is free again', async () => {
    const key = randomUUID();
    const first = await coop.admin('POST', '/contributions', contribution(), {
      'idempotency-key': key,
    });
    const retry = await coop.admin('POST', '/contributions', contribution(), {
      'idempotency-key': key,
    });
    const firstId = createdId(first, 'contributionId');
    expect(retry.body).toEqual({ contributionId: firstId });

    await pause(TTL_SECONDS * 1000 + 500);
    // Expired, but nothing purges while the app is idle.
    expect(await keptAnswers(key)).toBe(1);

    const other = await coop.admin('POST', '/contributions', contribution(), {
      'idempotency-key': randomUUID(),
    });
    expect(other.status).toBe(201);
    expect(await keptAnswers(key)).toBe(0);

    // The same key, another request: recorded afresh, and its own answer is kept for retries.
    const another = contribution({ amount: eur('5.00') });
    const reused = await coop.admin('POST', '/contributions', another, { 'idempotency-key': key });
    const reusedId = createdId(reused, 'contributionId');
    expect(reusedId).not.toBe(firstId);
    const reusedRetry = await coop.admin('POST', '/contributions', another, {
      'idempotency-key': key,
    });
    expect(reusedRetry.body).toEqual({ contributionId: reusedId });
  });
});
