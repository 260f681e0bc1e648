import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { apiClient, DATABASE_URL, eventually, TestSchemas, tokenFor } from '../support/apps';
import {
  coopAdminToken,
  CoopUnderTest,
  createdId,
  queryEvents,
  startDescribedCoop,
  streamLength,
} from './coop-app';
import { expectInvalidFields, expectProblem, expectRuleViolation } from './problem-assertions';
import { admission, contribution, eur } from './sample-requests';

// Retries that record once (Idempotency-Key), and erasure of a member's personal data
// (crypto-shredding: the architecture, "Personal data"). One app for the file.
const COOP_ID = 'pane-e-rose';
const schemas = new TestSchemas();
let coop: CoopUnderTest;

beforeAll(async () => {
  coop = await startDescribedCoop(schemas, COOP_ID);
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

async function countEvents(type: string): Promise<number> {
  const [row] = await queryEvents<{ n: number }>(
    schemas,
    (events) => `SELECT count(*)::int AS n FROM ${events} WHERE type = $1`,
    [type],
  );
  return row.n;
}

const key = () => ({ 'idempotency-key': randomUUID() });

describe('Idempotency-Key: a retried POST records once', () => {
  it('POST /members twice with one key: the same answer, one member', async () => {
    const before = await countEvents('MemberAdmitted');
    const headers = key();

    const first = await coop.admin('POST', '/members', admission(), headers);
    const retry = await coop.admin('POST', '/members', admission(), headers);

    const memberId = createdId(first, 'memberId');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('location')).toBe(`/members/${memberId}`);
    expect(await countEvents('MemberAdmitted')).toBe(before + 1);
    await eventually(async () => {
      const summary = await coop.auditor('GET', '/membership/summary');
      expect(summary.body).toMatchObject({ members: { total: before + 1 } });
    });
  });

  it('POST /contributions twice with one key: one contribution', async () => {
    const headers = key();
    const body = contribution({ period: '2025-07' });

    const first = await coop.admin('POST', '/contributions', body, headers);
    const retry = await coop.admin('POST', '/contributions', body, headers);

    const contributionId = createdId(first, 'contributionId');
    expect(retry.body).toEqual({ contributionId });
    const [row] = await queryEvents<{ n: number }>(
      schemas,
      (events) =>
        `SELECT count(*)::int AS n FROM ${events} WHERE type = 'ContributionRecorded' AND data->>'period' = '2025-07'`,
    );
    expect(row.n).toBe(1);
    await eventually(async () => {
      const list = await coop.auditor('GET', '/contributions?period=2025-07');
      expect(list.body).toMatchObject({ items: [{ contributionId }] });
    });
  });

  it('a payment retried with its key is paid once, its answer replayed', async () => {
    const memberId = createdId(await coop.admin('POST', '/members', admission()), 'memberId');
    const headers = key();
    const payment = { paidOn: '2025-02-01', amount: eur('10.00') };

    const first = await coop.admin('POST', `/members/${memberId}/payments`, payment, headers);
    const retry = await coop.admin('POST', `/members/${memberId}/payments`, payment, headers);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await coop.auditor('GET', `/members/${memberId}`)).body).toMatchObject({
      shares: { paid: eur('10.00') },
      version: 2,
    });
    expect(await streamLength(schemas, `coop/${COOP_ID}/member/${memberId}`)).toBe(2);
  });

  it('retries racing the first request still record once', async () => {
    const before = await countEvents('ContributionRecorded');
    const headers = key();
    const body = contribution({ period: '2025-08' });

    const answers = await Promise.all(
      [1, 2, 3].map(() => coop.admin('POST', '/contributions', body, headers)),
    );

    // Each got the first answer, or was told the first is still running (409: retry later).
    expect(answers.map((a) => a.status).every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await countEvents('ContributionRecorded')).toBe(before + 1);
  });

  it('the same key with another body, or on another path, is a 422 and records nothing', async () => {
    const headers = key();
    const first = await coop.admin('POST', '/contributions', contribution(), headers);
    expect(first.status).toBe(201);
    const before = await countEvents('ContributionRecorded');

    expectRuleViolation(
      await coop.admin('POST', '/contributions', contribution({ amount: eur('99.00') }), headers),
      'idempotency_key_reused',
    );
    expectRuleViolation(
      await coop.admin('POST', '/members', admission(), headers),
      'idempotency_key_reused',
    );
    expect(await countEvents('ContributionRecorded')).toBe(before);
  });
});

describe('Idempotency-Key: bound to the caller, never in the way of the guard', () => {
  const otherAdmin = () =>
    apiClient(
      coop.app.url,
      tokenFor({ sub: 'another-admin', role: 'coop-admin', coopId: COOP_ID }),
    );
  const adminOfAnotherCoop = () => apiClient(coop.app.url, coopAdminToken('another-coop'));

  it('a key belongs to its caller: another caller uses the same key for its own request', async () => {
    const headers = key();
    const mine = contribution({ period: '2025-09' });
    const theirs = contribution({ period: '2025-09', amount: eur('7.00') });
    const before = await countEvents('ContributionRecorded');

    const first = await coop.admin('POST', '/contributions', mine, headers);
    const other = await otherAdmin()('POST', '/contributions', theirs, headers);
    const retry = await coop.admin('POST', '/contributions', mine, headers);
    const otherRetry = await otherAdmin()('POST', '/contributions', theirs, headers);

    const myId = createdId(first, 'contributionId');
    const theirId = createdId(other, 'contributionId');
    expect(theirId).not.toBe(myId);
    expect(retry).toMatchObject({ status: 201, body: { contributionId: myId } });
    expect(otherRetry).toMatchObject({ status: 201, body: { contributionId: theirId } });
    expect(await countEvents('ContributionRecorded')).toBe(before + 2);
    // Each caller's key still holds to its own request.
    expectRuleViolation(
      await otherAdmin()('POST', '/contributions', mine, headers),
      'idempotency_key_reused',
    );
  });

  it('a caller the guard refuses gets its 401 or 403, and the key is left as it was', async () => {
    const used = key();
    const body = contribution({ period: '2025-10' });
    const first = await coop.admin('POST', '/contributions', body, used);
    const fresh = key();

    for (const headers of [used, fresh]) {
      expectProblem(await coop.anonymous('POST', '/contributions', body, headers), 401);
      expectProblem(await coop.auditor('POST', '/contributions', body, headers), 403);
      expectProblem(await adminOfAnotherCoop()('POST', '/contributions', body, headers), 403);
    }

    const retry = await coop.admin('POST', '/contributions', body, used);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    // The refused requests did not claim the fresh key either.
    const other = await coop.admin('POST', '/contributions', contribution(), fresh);
    expect(other.status).toBe(201);
    expect(other.body).not.toEqual(first.body);
  });

  it('a malformed key is a 400; a failed request releases its key for the fixed retry', async () => {
    expectProblem(
      await coop.admin('POST', '/contributions', contribution(), { 'idempotency-key': 'a b' }),
      400,
      { instance: '/contributions' },
    );

    const headers = key();
    expectInvalidFields(
      await coop.admin('POST', '/contributions', contribution({ amount: 'ten' }), headers),
      ['amount'],
    );
    const fixed = await coop.admin('POST', '/contributions', contribution(), headers);
    expect(fixed.status).toBe(201);
  });
});

describe('DELETE /members/{id}/personal-data: erasure by destroying the member’s key', () => {
  const memberId = randomUUID();
  const person = { displayName: 'Giulia Bianchi', email: 'giulia.bianchi@example.org' };
  const traces = ['%Giulia%', '%Bianchi%', '%giulia.bianchi%'];
  const paymentKey = key();
  const payment = { paidOn: '2025-02-01', amount: eur('60.00') };

  /** Events whose payload or metadata show the member's name or e-mail in clear. */
  async function eventsInClear(): Promise<number> {
    const [row] = await queryEvents<{ n: number }>(
      schemas,
      (events) =>
        `SELECT count(*)::int AS n FROM ${events}
         WHERE data::text ILIKE ANY ($1) OR metadata::text ILIKE ANY ($1)`,
      [traces],
    );
    return row.n;
  }

  /** Rows anywhere in this test's schemas (store and the app's own tables) that show them. */
  async function rowsInClear(): Promise<string[]> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
         WHERE starts_with(table_schema, $1) AND table_type = 'BASE TABLE'`,
        [schemas.eventStore],
      );
      const found: string[] = [];
      for (const { schema, name } of tables.rows) {
        const table = `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
        const hits = await client.query(
          `SELECT count(*)::int AS n FROM ${table} AS t WHERE t::text ILIKE ANY ($1)`,
          [traces],
        );
        if (hits.rows[0].n > 0) found.push(name);
      }
      return found;
    } finally {
      await client.end();
    }
  }

  it('personal data is never in clear in the events, even before erasure', async () => {
    createdId(await coop.admin('POST', '/members', admission({ memberId, ...person })), 'memberId');
    const paid = await coop.admin('POST', `/members/${memberId}/payments`, payment, paymentKey);
    expect(paid.status).toBe(201);

    expect((await coop.auditor('GET', `/members/${memberId}`)).body).toMatchObject(person);
    await eventually(async () => {
      const list = await coop.auditor('GET', '/members?limit=500');
      const listed = (list.body as { items: { memberId: string }[] }).items;
      expect(listed.find((m) => m.memberId === memberId)).toMatchObject({
        ...person,
        shares: { paid: eur('60.00') },
      });
    });
    expect(await streamLength(schemas, `coop/${COOP_ID}/member/${memberId}`)).toBe(2);
    expect(await eventsInClear()).toBe(0);
  });

  it('after erasure the member shows no name nor e-mail; the shares stay', async () => {
    const before = (await coop.auditor('GET', `/members/${memberId}`)).body as {
      shares: unknown;
    };

    const erased = await coop.admin('DELETE', `/members/${memberId}/personal-data`);

    expect(erased.status).toBe(200);
    expect(erased.headers.get('etag')).toBe('"3"');
    expect(erased.body).toMatchObject({ displayName: null, email: null, shares: before.shares });
    const after = await coop.auditor('GET', `/members/${memberId}`);
    expect(after.body).toMatchObject({
      memberId,
      status: 'active',
      displayName: null,
      email: null,
      shares: { count: 4, subscribed: eur('200.00'), paid: eur('60.00'), reimbursed: eur('0.00') },
    });
    await eventually(async () => {
      const list = await coop.auditor('GET', '/members?limit=500');
      const listed = (list.body as { items: { memberId: string }[] }).items;
      expect(listed.find((m) => m.memberId === memberId)).toMatchObject({
        displayName: null,
        email: null,
        version: 3,
      });
    });
    expect(await countEvents('PersonalDataErased')).toBe(1);
    expect(await eventsInClear()).toBe(0);
  });

  it('nothing of it is left in clear anywhere, not even in a replayed answer', async () => {
    const replay = await coop.admin('POST', `/members/${memberId}/payments`, payment, paymentKey);

    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ displayName: null, email: null });
    expect(await rowsInClear()).toEqual([]);
  });

  it('erasing again changes nothing; an unknown member is a 404', async () => {
    const again = await coop.admin('DELETE', `/members/${memberId}/personal-data`);
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe('"3"');
    expectProblem(await coop.admin('DELETE', `/members/${randomUUID()}/personal-data`), 404);
  });
});
