import { applyDecorators } from '@nestjs/common';
import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';

const MEANING = {
  400: 'malformed or invalid input: `errors` names each bad field',
  401: 'no token, or a bad one',
  403: 'the token is valid but may not do this (role, coop or board membership)',
  404: 'unknown id',
  409: 'conflicts with the current state (e.g. a withdrawn member)',
  412: 'If-Match names a version the resource is no longer at',
  413: 'the body is larger than the app reads (1 MiB)',
  414: 'the URL, or one of its path segments, is longer than the app reads',
  415: 'the body is not JSON (`Content-Type: application/json`)',
  422: 'a domain rule refuses it: `rule` names it',
  429: 'too many requests from this client: retry after `Retry-After` seconds',
  500: 'the server failed; nothing of the cause is revealed, it is logged',
  503: 'the app cannot serve now (its database is out of reach, or it is shutting down)',
} as const;

export type ProblemStatus = keyof typeof MEANING;

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<Operation['responses'][string], { description: string }>;

/** The name of the problem document's schema among the OpenAPI document's components. */
export const PROBLEM_SCHEMA_NAME = 'ProblemDocument';

/** RFC 9457, as `ProblemDocument` (problem-document.ts) has it, with the bounds the API keeps. */
export const PROBLEM_SCHEMA = {
  type: 'object' as const,
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' as const, format: 'uri', maxLength: 200 },
    title: { type: 'string' as const, maxLength: 200 },
    status: { type: 'integer' as const, format: 'int32', minimum: 400, maximum: 599 },
    detail: { type: 'string' as const, maxLength: 10_000 },
    // The request's path: a 414's is the one refused for its length, at most what Node reads of a
    // request line (its 16 KiB header limit).
    instance: { type: 'string' as const, format: 'uri-reference', maxLength: 16_384 },
    rule: { type: 'string' as const, maxLength: 100, pattern: '^[a-z0-9_]+$' },
    errors: {
      type: 'array' as const,
      maxItems: 1000,
      items: {
        type: 'object' as const,
        properties: {
          field: { type: 'string' as const, maxLength: 500 },
          message: { type: 'string' as const, maxLength: 1000 },
        },
      },
    },
  },
};

/** The answer with this status, as a problem document (one schema, referenced). */
export function problemResponse(status: ProblemStatus): ResponseObject {
  return {
    description: MEANING[status],
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'seconds to wait before trying again',
              schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
            },
          },
        }
      : {}),
    content: {
      'application/problem+json': {
        schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` },
      },
    },
  };
}

/**
 * Documents a route's error answers as RFC 9457 problem documents. The answers every route can
 * give (401 where a token is needed, 429, 500) are added to every operation by `setupOpenApi`.
 */
export function ApiProblems(...statuses: ProblemStatus[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}
