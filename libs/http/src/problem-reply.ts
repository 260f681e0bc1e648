import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-document';
import { toProblem } from './problem-mapping';

const logger = new Logger('ProblemDetails');

/**
 * Answers an error with its problem document. Only a fault of ours (a 5xx) is logged, with its
 * stack: a client's mistake is its answer, and an anonymous caller must not be able to fill the
 * logs with stack traces.
 */
export function replyWithProblem(
  request: Pick<FastifyRequest, 'method' | 'url'>,
  reply: FastifyReply,
  error: unknown,
): void {
  const { problem, unexpected } = toProblem(error);
  if (unexpected) {
    logger.error(
      `${request.method} ${request.url} failed: ${error instanceof Error ? error.message : String(error)}`,
      error instanceof Error ? error.stack : undefined,
    );
  }
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.url });
}
