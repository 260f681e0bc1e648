import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemType } from './problem-document';
import { replyWithProblem } from './problem-reply';

/** Longer than any URL the API issues or a client builds. */
export const MAX_URL_LENGTH = 2048;

/** Fastify's `maxParamLength`, its default: no id of the API comes near it. */
export const MAX_PATH_SEGMENT_LENGTH = 100;

/** A 414: the URL, or one of its path segments, is longer than the API reads. */
export class UriTooLong extends HttpException {
  constructor(detail: string) {
    super(detail, HttpStatus.URI_TOO_LONG);
  }
}

/**
 * What Fastify answers itself, before any route or Nest runs, answered as problem documents too:
 * a URL that does not decode (400) or a path segment too long for the router (414) through
 * `frameworkErrors`; and what Node's HTTP parser refuses (headers too large: 431, a request that
 * is not HTTP: 400, too slow: 408) through `clientErrorHandler`, written on the socket since
 * there is no request to answer.
 */
export const frameworkErrorOptions: Pick<
  FastifyServerOptions,
  'frameworkErrors' | 'clientErrorHandler'
> & { routerOptions: { maxParamLength: number } } = {
  routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const refused =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new UriTooLong(
            `A segment of the path is longer than ${MAX_PATH_SEGMENT_LENGTH} characters`,
          )
        : error;
    replyWithProblem(request, reply, refused);
  },
  clientErrorHandler: answerClientError,
};

function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // The client is gone: there is no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line and headers are larger than the server reads']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time']
        : [400, 'The request is not well-formed HTTP'];
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type: ProblemType.generic, title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
