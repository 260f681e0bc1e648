import {
  context,
  Context,
  propagation,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { correlationIdOf } from './correlation-id';
import { UNMATCHED_ROUTE } from './http-metrics';

const tracer = trace.getTracer('@libs/observability');

interface Traced {
  span: Span;
  context: Context;
}

/**
 * The request's server span (`POST /contributions`), child of the caller's `traceparent` if it
 * sent one, and active while the request is handled: the command and append spans nest in it.
 * Fastify's instrumentation is not used (it would need the auto-instrumentations): two hooks do.
 * Activated again before the handler because reading the body runs in the socket's context.
 */
export function traceHttp(fastify: FastifyInstance): void {
  const traced = new WeakMap<FastifyRequest, Traced>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'url.path': request.url.split('?')[0],
          'correlation.id': correlationIdOf(request.raw),
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    traced.set(request, { span, context: active });
    context.with(active, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const found = traced.get(request);
    if (found) context.with(found.context, done);
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const found = traced.get(request);
    if (found) {
      found.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) found.span.setStatus({ code: SpanStatusCode.ERROR });
      found.span.end();
    }
    done();
  });
}
