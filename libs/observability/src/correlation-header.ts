import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';

/** Every answer names its request's correlation id, the one its log lines and events carry. */
export function echoCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, correlationIdOf(request.raw));
    done();
  });
}
