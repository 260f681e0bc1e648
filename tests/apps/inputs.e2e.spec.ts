import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { admission, resource } from '../coop/sample-requests';
import { CoopUnderTest, startDescribedCoop } from '../coop/coop-app';
import { expectInvalidFields, expectProblem } from '../coop/problem-assertions';
import { BOARD_MEMBERS } from '../consortium/consortium-app';
import {
  ApiResponse,
  APP_ENTRY,
  DATABASE_URL,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';

/**
 * Input no client should send, and what the HTTP layer refuses before any route runs, on the real
 * apps: every one is a 4xx problem document, writes nothing (events, read models, Idempotency-Key
 * claims), and leaves no error or stack trace in the app's log.
 */
const schemas = new TestSchemas();
const boardPage = mkdtempSync(join(tmpdir(), 'board-page-'));
let coop: CoopUnderTest;
let consortium: RunningApp;
const logs = { coop: '', consortium: '' };

beforeAll(async () => {
  mkdirSync(join(boardPage, 'assets'));
  writeFileSync(join(boardPage, 'index.html'), '<!doctype html><title>board</title>');
  writeFileSync(join(boardPage, 'assets/app.js'), 'void 0;');
  [coop, consortium] = await Promise.all([
    // Members are admitted once the coop has described itself.
    startDescribedCoop(schemas, 'velo-inputs'),
    startApp(APP_ENTRY.consortium, schemas, {
      BOARD_MEMBERS: BOARD_MEMBERS.join(','),
      BOARD_PAGE_DIR: boardPage,
    }),
  ]);
  coop.app.child.stderr!.on('data', (chunk: Buffer) => (logs.coop += chunk.toString()));
  consortium.child.stderr!.on('data', (chunk: Buffer) => (logs.consortium += chunk.toString()));
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.stop()]);
  await schemas.drop();
  rmSync(boardPage, { recursive: true, force: true });
});

/** The rows of every table of the test's schemas (store, read models, Idempotency-Key claims). */
async function rowCounts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema LIKE $1 AND table_type = 'BASE TABLE'`,
      [`${schemas.eventStore}%`],
    );
    const counts: Record<string, number> = {};
    for (const { schema, name } of tables) {
      const table = `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[`${schema}.${name}`] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** The counts once the read models have caught up with earlier (valid) writes. */
async function settledRowCounts(): Promise<Record<string, number>> {
  let last = await rowCounts();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await rowCounts();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

/** Runs `send` and checks that it wrote nothing anywhere; gives its response. */
async function writesNothing(send: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const before = await settledRowCounts();
  expect(Object.keys(before).some((table) => table.endsWith('.events'))).toBe(true);
  const response = await send();
  expect(await rowCounts()).toEqual(before);
  return response;
}

/**
 * An RFC 9457 problem document with this status, and its `type` and `instance` (the path; none
 * when Node refused the request before there was one to name).
 */
function expectProblemDocument(response: ApiResponse, status: number, instance = true): void {
  expectProblem(response, status, {
    type: expect.any(String),
    ...(instance ? { instance: expect.any(String) } : {}),
  });
}

/**
 * A request exactly as written, path included (fetch would resolve `..` before sending), read back
 * whatever its body: what a scanner or a hand-made client sends.
 */
function raw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<ApiResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') responseHeaders.set(name, value);
        }
        resolve({
          status: res.statusCode!,
          headers: responseHeaders,
          body: text ? (JSON.parse(text) as unknown) : undefined,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const admin = () => coop.admin;

describe('a NUL or a lone surrogate in any text', () => {
  it('is a 400 naming the nested field, writes nothing, and leaves the Idempotency-Key free', async () => {
    const body = admission({
      displayName: 'Nora\u0000Diallo',
      shares: { count: 2, nominalValue: { amount: '50.00', currency: 'EUR\u0000' } },
    });
    const response = await writesNothing(() =>
      admin()('POST', '/members', body, { 'Idempotency-Key': 'inputs-nul' }),
    );
    expectInvalidFields(response, ['displayName', 'shares.nominalValue.currency']);
    expect(response.body).toMatchObject({
      type: 'urn:coop-federation:problem:invalid-input',
      errors: expect.arrayContaining([
        { field: 'displayName', message: expect.stringContaining('NUL') },
      ]),
    });

    // The refused request never reached the key's fingerprint: the same key records the fix.
    const fixed = await admin()('POST', '/members', admission({ displayName: 'Nora Diallo' }), {
      'Idempotency-Key': 'inputs-nul',
    });
    expect({ status: fixed.status, body: fixed.body }).toMatchObject({ status: 201 });
  });

  it('a lone surrogate, nested in an object of an object, is a 400 naming it', async () => {
    // JSON.stringify writes a lone surrogate as the escape `\ud800`: what a buggy client sends.
    const body = resource({ title: 'Cargo bike', terms: { type: 'hours', hours: '2\ud800' } });
    const response = await writesNothing(() => admin()('POST', '/resources', body));
    expectInvalidFields(response, ['terms.hours']);
    expect((response.body as { errors: { message: string }[] }).errors[0].message).toMatch(
      /lone surrogate/,
    );
  });

  it('a low surrogate alone in a top-level field is refused too', async () => {
    const response = await writesNothing(() =>
      admin()('POST', '/resources', resource({ title: '\udc00 bike' })),
    );
    expectInvalidFields(response, ['title']);
  });

  it('in a query parameter, is a 400 naming the parameter', async () => {
    const response = await admin()('GET', '/members?status=active%00');
    expectInvalidFields(response, ['status']);
    // A lone surrogate has no UTF-8 encoding, so its would-be bytes cannot decode into one: the
    // value is just not one the parameter allows.
    const surrogateBytes = await admin()('GET', '/members?category=%ED%A0%80');
    expectInvalidFields(surrogateBytes, ['category']);
  });

  it('in the consortium app as well', async () => {
    const board = tokenFor({ sub: 'board-1', role: 'board-member' });
    const response = await raw(consortium.url, 'GET', '/coops?status=admitted%00', {
      authorization: `Bearer ${board}`,
    });
    expectInvalidFields(response, ['status']);
  });
});

describe('a body nested deeper than 32 levels', () => {
  it('nested 5,000 deep is a 400, at once, and writes nothing', async () => {
    const deep = `{"displayName":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    let took = Infinity;
    const response = await writesNothing(async () => {
      const started = Date.now();
      const answer = await admin()('POST', '/members', deep, { 'Idempotency-Key': 'inputs-deep' });
      took = Date.now() - started;
      return answer;
    });
    // Refused off the raw text: no parse, no walk, whatever the depth.
    expect(took).toBeLessThan(1000);
    expectProblemDocument(response, 400);
    expect((response.body as { detail: string }).detail).toMatch(/deeper than 32 levels/);
  });

  it('32 levels is still read (and refused by validation, as any wrong shape)', async () => {
    const atLimit = `{"displayName":${'['.repeat(31)}${']'.repeat(31)}}`;
    const response = await admin()('POST', '/members', atLimit);
    expectProblemDocument(response, 400);
    expect(response.body).toMatchObject({ type: 'urn:coop-federation:problem:invalid-input' });
  });
});

describe('a list cursor the app did not issue', () => {
  it('forged, tampered or from another list is a 400 naming cursor; its own works', async () => {
    for (const title of ['Cargo bike', 'Truing stand']) {
      expect((await admin()('POST', '/resources', resource({ title }))).status).toBe(201);
    }
    // The list reads the read model, which trails the writes by a poll.
    const cursor = await eventually(async () => {
      const first = await admin()('GET', '/resources?limit=1');
      const next = (first.body as { nextCursor: string | null }).nextCursor;
      expect(next).toEqual(expect.any(String));
      return next!;
    });
    expect((await admin()('GET', `/resources?limit=1&cursor=${cursor}`)).status).toBe(200);

    const forged = Buffer.from(JSON.stringify(['not-a-day', 'x'])).toString('base64url');
    const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const [path, bad] of [
      ['/members', forged],
      ['/members', `${forged}.AAAAAAAAAAAAAAAAAAAAAA`],
      ['/resources', tampered],
      ['/contributions', cursor],
    ]) {
      expectInvalidFields(await admin()('GET', `${path}?cursor=${bad}`), ['cursor']);
    }
  });

  it("a coop's cursor at the consortium is a 400 too", async () => {
    const first = await admin()('GET', '/resources?limit=1');
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const board = tokenFor({ sub: 'board-1', role: 'board-member' });
    const response = await raw(consortium.url, 'GET', `/coops?cursor=${cursor}`, {
      authorization: `Bearer ${board}`,
    });
    expectInvalidFields(response, ['cursor']);
  });
});

describe("the HTTP layer's own refusals are problem documents", () => {
  it('a 3,000-character path is a 414', async () => {
    const long = 'a'.repeat(3000);
    expectProblemDocument(await admin()('GET', `/members/${long}`), 414);
    expectProblemDocument(await admin()('GET', `/${long}`), 414);
  });

  it('a body over 1 MB is a 413, and writes nothing', async () => {
    const big = JSON.stringify(admission({ displayName: 'x'.repeat(1_100_000) }));
    expectProblemDocument(await writesNothing(() => admin()('POST', '/members', big)), 413);
  });

  it('a body that is not JSON is a 415, and writes nothing', async () => {
    const response = await writesNothing(() =>
      admin()('POST', '/members', 'displayName=Nora', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    );
    expectProblemDocument(response, 415);
    expectProblemDocument(
      await admin()('POST', '/members', 'Nora', { 'content-type': 'text/plain' }),
      415,
    );
  });

  it('headers over 16 KiB are a 431 (answered by Node before any route)', async () => {
    const response = await raw(coop.app.url, 'GET', '/health', { 'x-padding': 'a'.repeat(20_000) });
    expectProblemDocument(response, 431, false);
  });

  it('malformed JSON, an undecodable URL and an unknown route are 400, 400 and 404', async () => {
    expectProblemDocument(await admin()('POST', '/members', '{"displayName":'), 400);
    expectProblemDocument(await raw(coop.app.url, 'GET', '/members/%E0%A4%A'), 400);
    expectProblemDocument(await admin()('GET', '/no-such-thing'), 404);
    expectProblemDocument(await admin()('DELETE', '/members'), 404);
  });
});

describe("paths that climb out of the board's page", () => {
  it('are 404s, the page itself still served', async () => {
    for (const path of [
      '/board/../../etc/passwd',
      '/board/%2e%2e/%2e%2e/etc/passwd',
      '/board/..%2f..%2fetc%2fpasswd',
      '/board/assets/../../../package.json',
    ]) {
      const response = await raw(consortium.url, 'GET', path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expectProblemDocument(response, 404);
    }
    expectInvalidFields(await raw(consortium.url, 'GET', '/board/%00'), ['path']);
    const page = await fetch(`${consortium.url}/board/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>board</title>');
    expect((await fetch(`${consortium.url}/board/assets/app.js`)).status).toBe(200);
  });
});

describe('the logs', () => {
  it('hold no error and no stack trace for any of these refusals', () => {
    for (const log of [logs.coop, logs.consortium]) {
      expect(log).not.toMatch(/ERROR/);
      expect(log).not.toMatch(/^\s+at /m);
    }
  });
});
