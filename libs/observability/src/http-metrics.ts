import type { FastifyInstance } from 'fastify';
import { Histogram, register } from 'prom-client';

const HTTP_SECONDS = 'http_request_duration_seconds';

/** The route an unknown URL gets: raw URLs as labels would let any caller add series at will. */
export const UNMATCHED_ROUTE = '(unmatched)';

function httpHistogram(): Histogram<'method' | 'route' | 'status'> {
  const existing = register.getSingleMetric(HTTP_SECONDS);
  if (existing) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name: HTTP_SECONDS,
    help: 'HTTP requests answered, by method, route pattern and status, and the time to answer them',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/**
 * Times every answer into `http_request_duration_seconds{method,route,status}` (its `_count` is
 * the number of requests): the route is the pattern (`/coops/:coopId`), never the raw URL.
 */
export function measureHttp(fastify: FastifyInstance): void {
  const histogram = httpHistogram();
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
