import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { CoopUnderTest } from '../coop/coop-app';
import { ConsortiumAndCoop, startConsortiumAndCoop } from './consortium-and-coop';
import { contribution } from '../coop/sample-requests';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { OtlpReceiver, ReceivedSpan } from './otlp-receiver';

/**
 * Traces of the real apps, exported over OTLP/HTTP to a receiver this test serves: a contribution
 * recorded by a coop app is one trace (request → command → append), and the consortium's
 * projection batch that applies its event links to it. Real processes rather than an in-memory
 * exporter in the test's process: what is checked is what a collector would receive.
 */
describe('traces', () => {
  const schemas = new TestSchemas();
  const receiver = new OtlpReceiver();
  let apps: ConsortiumAndCoop;
  let coop: CoopUnderTest;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    // Exported within 100 ms of their end, rather than the SDK's 5 s.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    apps = await startConsortiumAndCoop(schemas, env);
    ({ coop } = apps);
  });

  afterAll(async () => {
    await apps?.stop();
    await receiver.stop();
    await schemas.drop();
  });

  it('follow a contribution from the request to the append, and on to the projection that applied it', async () => {
    // A caller that traces its own work sends its span's context: the request's span is its child.
    const callerTrace = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const recorded = await coop.admin('POST', '/contributions', contribution(), {
      traceparent: `00-${callerTrace}-${callerSpan}-01`,
    });
    expect(recorded.status).toBe(201);

    const inTrace = (name: string) =>
      receiver.spans.find((span) => span.traceId === callerTrace && span.name === name);
    const [request, command, append] = await eventually(async () => {
      const found = [
        inTrace('POST /contributions'),
        inTrace('command RecordContribution'),
        inTrace('event-store append'),
      ];
      expect(found.every(Boolean)).toBe(true);
      return found as ReceivedSpan[];
    });
    expect(request).toMatchObject({ service: 'coop-velo-solidaire', parentSpanId: callerSpan });
    expect(request.attributes).toMatchObject({
      'http.route': '/contributions',
      'http.response.status_code': 201,
    });
    expect(command.parentSpanId).toBe(request.spanId);
    expect(append.parentSpanId).toBe(command.spanId);

    // The event carries the append's trace context, and the request's correlation id (here the
    // caller's trace id: it sent no X-Correlation-Id).
    expect(recorded.headers.get('x-correlation-id')).toBe(callerTrace);
    const events = new Client({ connectionString: DATABASE_URL });
    await events.connect();
    try {
      const { rows } = await events.query<{ metadata: Record<string, string> }>(
        `SELECT metadata FROM ${quoteIdentifier(schemas.eventStore)}.events ORDER BY global_position DESC LIMIT 1`,
      );
      expect(rows[0].metadata).toMatchObject({
        correlationId: callerTrace,
        traceparent: `00-${callerTrace}-${append.spanId}-01`,
      });
    } finally {
      await events.end();
    }

    // In the consortium's process, the batch that applied it links back to the append.
    const projection = await eventually(async () => {
      const found = receiver.spans.find(
        (span) =>
          span.service === 'consortium' &&
          span.name === 'projection pooled_means' &&
          span.links.some((link) => link.traceId === callerTrace),
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(projection.traceId).not.toBe(callerTrace);
    expect(projection.links).toContainEqual({ traceId: callerTrace, spanId: append.spanId });
  });
});
