import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { register } from 'prom-client';
import { coopStream } from '@libs/contracts';
import { NewEvent, RecordedEvent, START } from './envelope';
import { EventStore } from './event-store.port';
import { NO_STREAM } from './expected-version';
import { observedEventStore } from './observed-event-store';
import { describeEventStoreContract } from './testing/event-store.contract';
import { scratchPostgresStore } from './testing/scratch-postgres-store';
import { linksToCauses } from './trace-context';

// Observed, the store still keeps every promise of the port.
describeEventStoreContract('PostgreSQL, observed', async ({ upcasters }) => {
  const { store, dispose } = await scratchPostgresStore({ upcasters, prefix: 'es_obs' });
  return { store: observedEventStore(store), dispose };
});

describe('an observed event store', () => {
  let store: EventStore;
  let dispose: () => Promise<void>;
  const coopId = 'velo-solidaire';

  beforeAll(async () => {
    const made = await scratchPostgresStore({ prefix: 'es_obs' });
    store = observedEventStore(made.store);
    dispose = made.dispose;
  });

  afterAll(() => dispose());

  function event(): NewEvent {
    return {
      eventId: randomUUID(),
      type: 'ContributionRecorded',
      schemaVersion: 1,
      data: { amount: 1 },
      metadata: { coopId, actor: 'admin', correlationId: 'c-1', causationId: 'c-1' },
    };
  }

  async function readStream(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const recorded of store.readStream(streamId)) events.push(recorded);
    return events;
  }

  /** How many appends the histogram counted, by outcome. */
  async function appendCounts(): Promise<Record<string, number>> {
    const { values } = await register.getSingleMetric('event_store_append_duration_seconds')!.get();
    return Object.fromEntries(
      values
        .filter((value) => (value as { metricName?: string }).metricName?.endsWith('_count'))
        .map((value) => [String(value.labels.outcome), value.value]),
    );
  }

  it('times each append by its outcome', async () => {
    const stream = coopStream(coopId, 'contribution', randomUUID());
    const before = await appendCounts();
    const first = [event()];
    await store.appendToStream(stream, first, NO_STREAM);
    await store.appendToStream(stream, first, NO_STREAM); // a retry: recorded already
    await expect(store.appendToStream(stream, [event()], NO_STREAM)).rejects.toThrow();
    const after = await appendCounts();
    const added = (outcome: string) => (after[outcome] ?? 0) - (before[outcome] ?? 0);
    expect(['appended', 'already_recorded', 'version_conflict', 'error'].map(added)).toEqual([
      1, 1, 1, 0,
    ]);
  });

  it('stamps no trace context while tracing is off', async () => {
    const stream = coopStream(coopId, 'contribution', randomUUID());
    await store.appendToStream(stream, [event()], NO_STREAM);
    const [recorded] = await readStream(stream);
    expect(recorded.metadata).not.toHaveProperty('traceparent');
    expect(linksToCauses([recorded])).toEqual([]);
  });

  describe('with tracing on', () => {
    const exporter = new InMemorySpanExporter();
    const sdk = new NodeSDK({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

    beforeAll(() => sdk.start());
    afterAll(() => sdk.shutdown());

    it("appends in a span of the caller's, and stamps its context on every event, for links back", async () => {
      const stream = coopStream(coopId, 'contribution', randomUUID());
      await trace
        .getTracer('test')
        .startActiveSpan('command RecordContribution', async (command) => {
          await store.appendToStream(stream, [event(), event()], NO_STREAM);
          command.end();
        });
      const spans = exporter.getFinishedSpans();
      const command = spans.find((span) => span.name === 'command RecordContribution')!;
      const append = spans.find((span) => span.name === 'event-store append')!;
      expect(append.parentSpanContext?.spanId).toBe(command.spanContext().spanId);
      expect(append.attributes).toMatchObject({
        'event_store.stream': stream,
        'event_store.events': 2,
      });

      const recorded = await readStream(stream);
      const { traceId, spanId } = append.spanContext();
      expect(recorded.map((e) => e.metadata.traceparent)).toEqual([
        `00-${traceId}-${spanId}-01`,
        `00-${traceId}-${spanId}-01`,
      ]);
      // One link per distinct append, however many of its events a batch applies.
      expect(linksToCauses(recorded).map((link) => link.context)).toEqual([
        expect.objectContaining({ traceId, spanId }),
      ]);
      // Global reads carry it too.
      const all: RecordedEvent[] = [];
      for await (const e of store.readAll(START, { filter: { streamPrefix: stream } })) all.push(e);
      expect(all.every((e) => e.metadata.traceparent === `00-${traceId}-${spanId}-01`)).toBe(true);
    });
  });
});
