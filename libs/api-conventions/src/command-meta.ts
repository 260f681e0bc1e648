import type { IncomingHttpHeaders } from 'node:http';
import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { correlationIdOf } from '@libs/observability/correlation-id';

/** What every recording request carries besides its body: who, which request, which version. */
export interface CommandMeta {
  actor: string;
  correlationId: string;
  /** From `If-Match: "<version>"`: the version the client last saw; absent = no precondition. */
  expectedVersion?: number;
}

interface RequestLike {
  headers: IncomingHttpHeaders;
  /** The node request under Fastify's (where the correlation id is kept). */
  raw?: { headers: IncomingHttpHeaders };
  actor?: { sub: string };
}

/**
 * `If-Match` carries the ETag a GET returned: `"3"` (or `W/"3"`, or a bare 3). `*` asks for no
 * precondition beyond existence, which the command checks anyway.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header).trim();
  if (value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw new BadRequestException('If-Match must be an ETag from this API, such as "3"');
  return Number(match[1]);
}

/** What a handler needs of the HTTP reply to set ETag and Location (Fastify's or another). */
export interface HeaderReply {
  header(name: string, value: string): unknown;
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** `@Meta() meta: CommandMeta` in a handler's parameters. */
export const Meta = createParamDecorator((_: unknown, context: ExecutionContext): CommandMeta => {
  const request = context.switchToHttp().getRequest<RequestLike>();
  if (!request.actor) throw new Error('Meta used on a route without authentication');
  return {
    actor: request.actor.sub,
    correlationId: correlationIdOf(request.raw ?? request),
    expectedVersion: parseIfMatch(request.headers['if-match']),
  };
});
