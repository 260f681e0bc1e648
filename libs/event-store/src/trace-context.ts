import {
  context,
  isSpanContextValid,
  Link,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanOptions,
  SpanStatusCode,
  trace,
  Tracer,
} from '@opentelemetry/api';
import { RecordedEvent } from './envelope';

/**
 * The W3C `traceparent` of the active span, to carry in an event's metadata; undefined when
 * tracing is off (no propagator is registered then, so this costs a function call).
 */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Span links to the requests that caused these events (the `traceparent` their appends stamped),
 * one per distinct trace context: a batch that applies them is then found from each request.
 */
export function linksToCauses(events: readonly RecordedEvent[]): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const { metadata } of events) {
    const traceparent = metadata.traceparent;
    if (!traceparent || seen.has(traceparent)) continue;
    seen.add(traceparent);
    const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
    if (spanContext && isSpanContextValid(spanContext)) links.push({ context: spanContext });
  }
  return links;
}

/**
 * Runs `work` in a new active span, ended when it settles and marked failed when it throws: the
 * shape of every span the libraries make around their work (a no-op span when tracing is off).
 */
export function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}
