import type { FastifyInstance } from 'fastify';
import { echoCorrelationId } from './correlation-header';
import { measureHttp } from './http-metrics';
import { traceHttp } from './http-spans';
import { tracingOn } from './tracing';

/** Fastify's side: the correlation id echoed, every answer timed, and a span when tracing is on. */
export function observeHttp(fastify: FastifyInstance): void {
  echoCorrelationId(fastify);
  measureHttp(fastify);
  if (tracingOn()) traceHttp(fastify);
}
