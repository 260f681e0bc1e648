import { randomUUID } from 'node:crypto';
import { quoteIdentifier } from '@libs/database';
import { TestSchemas } from '../support/apps';
import { queryDatabase } from '../support/test-database';
import { CoopUnderTest, createdId, startDescribedCoop } from './coop-app';
import { contribution, eur } from './sample-requests';

// Answers kept for Idempotency-Key retries expire (IDEMPOTENCY_TTL_HOURS, here four seconds): then
// the key is free again, and a later write purges them; no timer runs while the app is idle.
const COOP_ID = 'orto-breve';
const TTL_SECONDS = 4;
const schemas = new TestSchemas();
const readModels = schemas.readModels();
let coop: CoopUnderTest;

beforeAll(async () => {
  coop = await startDescribedCoop(schemas, COOP_ID, {
    DATABASE_SCHEMA: readModels,
    IDEMPOTENCY_TTL_HOURS: String(TTL_SECONDS / 3600),
  });
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

/** The answers the app keeps for `key`, whoever sent it. */
async function keptAnswers(key: string): Promise<number> {
  const [row] = await queryDatabase<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${quoteIdentifier(readModels)}.idempotency_keys WHERE key = $1`,
    [key],
  );
  return row.n;
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

  it('an expired answer is never replayed, even while a purge has not reached it yet', async () => {
    const post = (key: string, body = contribution()) =>
      coop.admin('POST', '/contributions', body, { 'idempotency-key': key });
    // The key's answer comes at half the time; the write at 1.1 times it purges (no purge ran
    // for longer than the time) while that answer is too young to go; the reuse at 1.7 times it
    // comes before the next purge is due, and after the answer's time.
    expect((await post(randomUUID())).status).toBe(201);
    await pause(TTL_SECONDS * 500);
    const key = randomUUID();
    const first = createdId(await post(key), 'contributionId');
    await pause(TTL_SECONDS * 600);
    expect((await post(randomUUID())).status).toBe(201);
    await pause(TTL_SECONDS * 600);
    expect(await keptAnswers(key)).toBe(1);

    // Past its time but not purged: another request with the key records afresh (no 422).
    const reused = await post(key, contribution({ amount: eur('6.00') }));

    expect(createdId(reused, 'contributionId')).not.toBe(first);
  });
});
