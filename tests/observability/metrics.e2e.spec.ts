import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { ConsortiumUnderTest } from '../consortium/consortium-app';
import { CoopUnderTest } from '../coop/coop-app';
import { ConsortiumAndCoop, startConsortiumAndCoop } from './consortium-and-coop';
import { contribution } from '../coop/sample-requests';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { METRICS_TOKEN, sampleOf, scrape } from './scrape';
import { checkedFetch } from '../support/openapi-conformance';

/**
 * `GET /metrics` of the real apps, scraped as Prometheus would: HTTP figures by route pattern,
 * append latency, and the consortium's projections lagging while their checkpoint is held.
 */
describe('metrics', () => {
  const schemas = new TestSchemas();
  let apps: ConsortiumAndCoop;
  let consortium: ConsortiumUnderTest;
  let coop: CoopUnderTest;

  beforeAll(async () => {
    const env = { METRICS_TOKEN };
    apps = await startConsortiumAndCoop(schemas, env);
    ({ consortium, coop } = apps);
  });

  afterAll(async () => {
    await apps?.stop();
    await schemas.drop();
  });

  it('are for the scraper that holds METRICS_TOKEN only', async () => {
    const anonymous = await checkedFetch(coop.app.url, '/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expect(scrape(coop.app.url, `${METRICS_TOKEN}x`)).rejects.toThrow('401');
    // A user's token is not a scraper's.
    const { status } = await coop.admin('GET', '/metrics');
    expect(status).toBe(401);
  });

  it('count requests by route pattern and status, with their latency, and time appends', async () => {
    const recorded = await coop.admin('POST', '/contributions', contribution());
    expect(recorded.status).toBe(201);
    const id = 'a0000000-0000-4000-8000-00000000beef';
    expect((await coop.admin('GET', `/members/${id}`)).status).toBe(404);
    expect((await coop.admin('GET', '/no-such-route/42')).status).toBe(404);

    const text = await scrape(coop.app.url);
    const post = { method: 'POST', route: '/contributions', status: '201' };
    expect(sampleOf(text, 'http_request_duration_seconds_count', post)).toBe(1);
    expect(sampleOf(text, 'http_request_duration_seconds_bucket', { ...post, le: '+Inf' })).toBe(1);
    // The pattern, never the id: one series however many contributions are read.
    expect(
      sampleOf(text, 'http_request_duration_seconds_count', {
        route: '/members/:id',
        status: '404',
      }),
    ).toBe(1);
    expect(text).not.toContain(id);
    expect(
      sampleOf(text, 'http_request_duration_seconds_count', {
        route: '(unmatched)',
        status: '404',
      }),
    ).toBe(1);
    expect(
      sampleOf(text, 'event_store_append_duration_seconds_count', { outcome: 'appended' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('process_cpu_seconds_total');
  });

  // The embedded database is one session: a transaction held open there stops every other one.
  const onServer = process.env.EMBEDDED_DATABASE === '1' ? it.skip : it;

  onServer(
    "show a projection's lag rising while it is held back, and falling to zero after",
    async () => {
      const lag = async (name: string) => {
        const text = await scrape(consortium.app.url);
        return {
          events: sampleOf(text, 'projection_lag_events', { projection: name }),
          seconds: sampleOf(text, 'projection_lag_seconds', { projection: name }),
          parked: sampleOf(text, 'projection_parked_events', { projection: name }),
        };
      };
      await eventually(async () =>
        expect(await lag('pooled_means')).toEqual({ events: 0, seconds: 0, parked: 0 }),
      );
      expect((await lag('member_coops')).events).toBe(0);

      // Held back for real: a transaction holds the row lock of the projection's checkpoint, which
      // each of its batches takes first (as a second runner would find it). Its transaction id is
      // then the oldest running one, so the store also holds later events back from readers, as it
      // does while any long transaction runs.
      const holder = new Client({ connectionString: DATABASE_URL });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        const checkpoints = `${quoteIdentifier(consortium.readModels)}.projection_checkpoints`;
        const { rowCount } = await holder.query(
          `SELECT 1 FROM ${checkpoints} WHERE name = 'pooled_means' FOR UPDATE`,
        );
        expect(rowCount).toBe(1);
        for (let i = 0; i < 3; i++) {
          expect((await coop.admin('POST', '/contributions', contribution())).status).toBe(201);
        }
        const first = await lag('pooled_means');
        expect(first.events).toBeGreaterThanOrEqual(3);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const later = await lag('pooled_means');
        expect(later.events).toBeGreaterThanOrEqual(first.events!);
        expect(later.seconds).toBeGreaterThanOrEqual(1);
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
      await eventually(
        async () => expect(await lag('pooled_means')).toEqual({ events: 0, seconds: 0, parked: 0 }),
        15_000,
      );
    },
  );
});
