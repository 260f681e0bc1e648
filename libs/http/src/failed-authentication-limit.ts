import rateLimit from '@fastify/rate-limit';
import { PUBLIC_KEY, wholeNumber } from '@libs/auth';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemType } from './problem-document';

/**
 * After `AUTH_FAILURE_LIMIT` (default 30) failed authentications (401 answers) from one address
 * within `AUTH_FAILURE_WINDOW_SECONDS` (default 60), every request from that address is answered
 * 429, with `Retry-After`, until the window ends: guessing tokens gets slow. Answers other than
 * 401 count for nothing, so a client that authenticates is never slowed by this; @Public routes
 * (`/health`) are never refused. `0` turns it off.
 * Counted in the app's memory, per process, by the address the connection comes from (behind a
 * proxy, the proxy's).
 */
export async function limitFailedAuthentications(
  app: NestFastifyApplication,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const max = wholeNumber('AUTH_FAILURE_LIMIT', env.AUTH_FAILURE_LIMIT, [0, 1_000_000], 30);
  const seconds = wholeNumber(
    'AUTH_FAILURE_WINDOW_SECONDS',
    env.AUTH_FAILURE_WINDOW_SECONDS,
    [1, 86_400],
    60,
  );
  if (max === 0) return;
  await app.register(rateLimit, { global: false });
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const failures = fastify.createRateLimit({ max, timeWindow: seconds * 1000 });

  fastify.addHook('onRequest', async (request, reply) => {
    // A public route takes no token: nothing to guess there, and a health check must not fail.
    const route = request.routeOptions.config as object as Readonly<Record<string, unknown>>;
    if (route[PUBLIC_KEY] === true) return;
    const state = await failures(request, { increment: false });
    if (state.isAllowed || !state.isExceeded) return;
    const retryAfter = Math.max(state.ttlInSeconds, 1);
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        type: ProblemType.generic,
        title: 'Too Many Requests',
        status: 429,
        detail: `too many failed authentications from this address (${max} in ${seconds} s): retry in ${retryAfter} s`,
        instance: request.url,
      });
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 401) await failures(request);
  });
}
