import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header a client may send to name its request, and that every answer echoes. */
export const CORRELATION_HEADER = 'x-correlation-id';

const CORRELATION = /^[\w.:-]{1,100}$/;
// W3C Trace Context: version-traceid-parentid-flags; an all-zero trace id is invalid.
const TRACEPARENT = /^[\da-f]{2}-(?!0{32})([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

const ASSIGNED = Symbol('correlationId');

interface IncomingRequest {
  headers: IncomingHttpHeaders;
  [ASSIGNED]?: string;
}

/**
 * The request's correlation id, the same wherever it is asked for (the log lines, the events the
 * request records, the answer's header): the caller's `X-Correlation-Id` when it is a sane token,
 * else the trace id of its `traceparent` (so logs and traces of one request join), else a new
 * uuid. Kept on the node request (Fastify's `request.raw`), which every layer sees.
 */
export function correlationIdOf(request: IncomingRequest): string {
  const assigned = request[ASSIGNED];
  if (assigned) return assigned;
  const given = request.headers[CORRELATION_HEADER];
  const traceparent = request.headers.traceparent;
  const fromTrace =
    typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
  const id =
    typeof given === 'string' && CORRELATION.test(given) ? given : (fromTrace ?? randomUUID());
  request[ASSIGNED] = id;
  return id;
}
