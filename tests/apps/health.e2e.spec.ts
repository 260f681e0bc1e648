import { ChildProcess } from 'node:child_process';
import { firstJsonLine, spawnTs, stopProcess } from '../support/child-process';
import { APP_ENTRY, eventually, RunningApp, startApp, TestSchemas } from '../support/apps';
import { checkedFetch } from '../support/openapi-conformance';

// Both apps as real processes, from source, on the test database: one event store schema shared
// by the apps (as in production, where they share one store), one read-model schema per app.
const schemas = new TestSchemas();

async function get(
  baseUrl: string,
  path: string,
): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await checkedFetch(baseUrl, path);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.json(),
  };
}

describe.each([
  ['consortium', APP_ENTRY.consortium, {}],
  ['coop', APP_ENTRY.coop, { COOP_ID: 'velo-solidaire' }],
])('the %s app', (_name, entry, env) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(entry, schemas, env);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('is healthy when its event store and database answer', async () => {
    const res = await get(app.url, '/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      eventStore: 'up',
      database: 'up',
      projections: 'leader',
    });
  });

  it('serves its OpenAPI document, with bearer auth declared', async () => {
    const res = await get(app.url, '/docs-json');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      info: { title: expect.any(String) },
      paths: { '/health': { get: expect.any(Object) } },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    });
    // Every recording POST says it takes an Idempotency-Key.
    const posts = Object.entries(
      (
        res.body as {
          paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }>;
        }
      ).paths,
    ).filter(([, operations]) => operations.post);
    expect(posts.length).toBeGreaterThan(3);
    for (const [path, { post }] of posts) {
      expect({
        path,
        header: post!.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'),
      }).toEqual({ path, header: true });
    }
  });

  it('serves the browsable docs page', async () => {
    const response = await fetch(`${app.url}/docs`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const res = await get(app.url, '/no/such/route');

    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
});

describe('health when the database goes away', () => {
  let database: ChildProcess;
  let app: RunningApp;

  beforeAll(async () => {
    // A database of its own, that the test can stop under the running app.
    database = spawnTs('tests/support/embedded-postgres.process.ts');
    const { url } = await firstJsonLine<{ url: string }>(database);
    app = await startApp(APP_ENTRY.consortium, schemas, {
      DATABASE_URL: url,
      EVENT_STORE_URL: url,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await stopProcess(database);
  });

  it('answers 503 naming what is down', async () => {
    expect((await get(app.url, '/health')).status).toBe(200);

    await stopProcess(database);
    const res = await get(app.url, '/health');

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', eventStore: 'down', database: 'down' });
    // Its lock went with its session: it no longer counts as running the projections.
    await eventually(async () => {
      expect((await get(app.url, '/health')).body).toEqual({
        status: 'unavailable',
        eventStore: 'down',
        database: 'down',
        projections: 'follower',
      });
    });
  });
});

afterAll(async () => {
  await schemas.drop();
});
