import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const MEANING: Record<number, string> = {
  400: 'malformed or invalid input: `errors` names each bad field',
  401: 'no token, or a bad one',
  403: 'the token is valid but may not do this (role, coop or board membership)',
  404: 'unknown id',
  409: 'conflicts with the current state (e.g. a withdrawn member)',
  412: 'If-Match names a version the resource is no longer at',
  422: 'a domain rule refuses it: `rule` names it',
};

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    rule: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Documents a route's error answers as RFC 9457 problem documents. */
export function ApiProblems(...statuses: (keyof typeof MEANING)[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANING[status],
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}
