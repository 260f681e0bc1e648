import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { CoopUnderTest, startCoop } from '../coop/coop-app';
import { contribution } from '../coop/sample-requests';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  context?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  err?: unknown;
}

/**
 * The coop app's log as an operator's log shipper reads it with LOG_FORMAT=json: one JSON object
 * a line, each line of a request with that request's correlation id, which the events it recorded
 * carry too.
 */
describe('logs', () => {
  const schemas = new TestSchemas();
  let coop: CoopUnderTest;
  let stdout = '';

  beforeAll(async () => {
    coop = await startCoop(schemas, 'velo-solidaire', { LOG_FORMAT: 'json', LOG_LEVEL: 'debug' });
    coop.app.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  });

  afterAll(async () => {
    await coop?.app.stop();
    await schemas.drop();
  });

  const lines = (): LogLine[] =>
    stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`not a JSON line: ${line}`);
        }
      });

  async function correlationIdsInEvents(): Promise<string[]> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ metadata: Record<string, unknown> }>(
        `SELECT metadata FROM ${quoteIdentifier(schemas.eventStore)}.events ORDER BY global_position`,
      );
      // Tracing is off: the events carry no trace context.
      for (const { metadata } of rows) expect(metadata).not.toHaveProperty('traceparent');
      return rows.map(({ metadata }) => String(metadata.correlationId));
    } finally {
      await client.end();
    }
  }

  it("tie every line of a request, and the event it recorded, to the caller's correlation id", async () => {
    const correlationId = 'payroll-run-2025-03:7';
    const recorded = await coop.admin('POST', '/contributions', contribution(), {
      'x-correlation-id': correlationId,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.headers.get('x-correlation-id')).toBe(correlationId);

    const ofRequest = await eventually(async () => {
      const found = lines().filter((line) => line.correlationId === correlationId);
      expect(found.map((line) => line.msg)).toEqual([
        expect.stringMatching(/^ContributionRecorded recorded in coop\/velo-solidaire\//),
        'request completed',
      ]);
      return found;
    });
    expect(ofRequest[1]).toMatchObject({
      level: 30,
      req: { method: 'POST', url: '/contributions' },
      res: { statusCode: 201 },
    });
    // Nothing about this request went out under another id, or none.
    const aboutIt = lines().filter(
      (line) => line.context === 'AggregateRepository' || line.req?.url === '/contributions',
    );
    expect(aboutIt.every((line) => line.correlationId === correlationId)).toBe(true);
    expect(await correlationIdsInEvents()).toEqual([correlationId]);
  });

  it('give a request without one a fresh id, in its answer, its lines and its event', async () => {
    const recorded = await coop.admin('POST', '/contributions', contribution());
    expect(recorded.status).toBe(201);
    const generated = recorded.headers.get('x-correlation-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(async () =>
      expect(
        lines()
          .filter((line) => line.correlationId === generated)
          .map((line) => line.msg),
      ).toHaveLength(2),
    );
    expect((await correlationIdsInEvents()).at(-1)).toBe(generated);
  });

  it("log an anonymous caller's 4xx in one line, without a stack trace", async () => {
    const refused = await coop.anonymous('POST', '/contributions', contribution(), {
      'x-correlation-id': 'anonymous-probe',
    });
    expect(refused.status).toBe(401);
    const found = await eventually(async () => {
      const ofRequest = lines().filter((line) => line.correlationId === 'anonymous-probe');
      expect(ofRequest).toHaveLength(1);
      return ofRequest[0];
    });
    expect(found).toMatchObject({ msg: 'request completed', res: { statusCode: 401 } });
    expect(found).not.toHaveProperty('err');
  });
});
