import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { firstJsonLine, spawnTs, stopProcess } from '../support/child-process';

// Both apps as real processes, from source, on the test database: one event store schema shared
// by the apps (as in production, where they share one store), one read-model schema per app.
const DATABASE_URL = process.env.DATABASE_URL!;
const schema = `apps_e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const schemas = [schema];

interface Started {
  child: ChildProcess;
  url: string;
}

async function startApp(entry: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const readModels = `${schema}_read_${schemas.length}`;
  schemas.push(readModels);
  const child = spawnTs(entry, [], {
    PORT: '0',
    DATABASE_URL,
    DATABASE_SCHEMA: readModels,
    EVENT_STORE_URL: DATABASE_URL,
    EVENT_STORE_SCHEMA: schema,
    EVENT_STORE_POOL_SIZE: '2',
    ...env,
  });
  try {
    const { url } = await firstJsonLine<{ url: string }>(child);
    return { child, url };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

async function get(url: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.json(),
  };
}

describe.each([
  ['consortium', 'apps/consortium/src/main.ts', {}],
  ['coop', 'apps/coop/src/main.ts', { COOP_ID: 'velo-solidaire' }],
])('the %s app', (_name, entry, env) => {
  let app: Started;

  beforeAll(async () => {
    app = await startApp(entry, env);
  });

  afterAll(async () => {
    if (app) await stopProcess(app.child);
  });

  it('is healthy when its event store and database answer', async () => {
    const res = await get(`${app.url}/health`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', eventStore: 'up', database: 'up' });
  });

  it('serves its OpenAPI document, with bearer auth declared', async () => {
    const res = await get(`${app.url}/docs-json`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      info: { title: expect.any(String) },
      paths: { '/health': { get: expect.any(Object) } },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    });
  });

  it('serves the browsable docs page', async () => {
    const response = await fetch(`${app.url}/docs`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const res = await get(`${app.url}/no/such/route`);

    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
});

describe('health when the database goes away', () => {
  let database: ChildProcess;
  let app: Started;

  beforeAll(async () => {
    // A database of its own, that the test can stop under the running app.
    database = spawnTs('tests/support/embedded-postgres.process.ts');
    const { url } = await firstJsonLine<{ url: string }>(database);
    app = await startApp('apps/consortium/src/main.ts', {
      DATABASE_URL: url,
      EVENT_STORE_URL: url,
    });
  });

  afterAll(async () => {
    if (app) await stopProcess(app.child);
    await stopProcess(database);
  });

  it('answers 503 naming what is down', async () => {
    expect((await get(`${app.url}/health`)).status).toBe(200);

    await stopProcess(database);
    const res = await get(`${app.url}/health`);

    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', eventStore: 'down', database: 'down' });
  });
});

afterAll(async () => {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  for (const name of schemas) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await client.end();
});
