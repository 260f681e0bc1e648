import { SpanKind, trace } from '@opentelemetry/api';
import { Histogram, register } from 'prom-client';
import { NewEvent } from './envelope';
import { WrongExpectedVersionError } from './errors';
import { AppendResult, EventStore } from './event-store.port';
import { ExpectedVersion } from './expected-version';
import { activeTraceparent, inSpan } from './trace-context';

const APPEND_SECONDS = 'event_store_append_duration_seconds';

/** Registered once per process, in prom-client's default registry (what `/metrics` serves). */
function appendHistogram(): Histogram<'outcome'> {
  const existing = register.getSingleMetric(APPEND_SECONDS);
  if (existing) return existing as Histogram<'outcome'>;
  return new Histogram({
    name: APPEND_SECONDS,
    help: 'Time to append events to a stream, by outcome (appended, already_recorded, version_conflict, error)',
    labelNames: ['outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
}

const tracer = trace.getTracer('@libs/event-store');

/**
 * The store behind the port, observed at the port whatever the adapter: each append is timed
 * (`event_store_append_duration_seconds`) and, when tracing is on, runs in an `event-store append`
 * span whose W3C trace context every appended event carries in `metadata.traceparent`, for the
 * projections that apply it to link back to the request.
 */
export function observedEventStore(store: EventStore): EventStore {
  const histogram = appendHistogram();
  const observed: EventStore = {
    init: () => store.init(),
    close: () => store.close(),
    readStream: (streamId, fromVersion, options) =>
      store.readStream(streamId, fromVersion, options),
    streamVersion: (streamId) => store.streamVersion(streamId),
    readAll: (from, options) => store.readAll(from, options),
    subscribeToAll: (from, handler, options) => store.subscribeToAll(from, handler, options),
    headPosition: () => store.headPosition(),
    appendToStream: (streamId, events, expectedVersion) =>
      inSpan(
        tracer,
        'event-store append',
        {
          kind: SpanKind.CLIENT,
          attributes: { 'event_store.stream': streamId, 'event_store.events': events.length },
        },
        async () => {
          const stop = histogram.startTimer();
          try {
            const result = await append(store, streamId, events, expectedVersion);
            stop({ outcome: result.appended ? 'appended' : 'already_recorded' });
            return result;
          } catch (error) {
            const conflict = error instanceof WrongExpectedVersionError;
            stop({ outcome: conflict ? 'version_conflict' : 'error' });
            throw error;
          }
        },
      ),
  };
  // Optional in the port: present only where the adapter has it (readers test for it).
  if (store.readsReach) observed.readsReach = (position) => store.readsReach!(position);
  if (store.appendAtomically) {
    const atomic = store.appendAtomically.bind(store);
    observed.appendAtomically = (write) => atomic(write);
  }
  return observed;
}

function append(
  store: EventStore,
  streamId: string,
  events: NewEvent[],
  expectedVersion: ExpectedVersion,
): Promise<AppendResult> {
  const traceparent = activeTraceparent();
  const stamped = traceparent
    ? events.map((event) => ({ ...event, metadata: { ...event.metadata, traceparent } }))
    : events;
  return store.appendToStream(streamId, stamped, expectedVersion);
}
