import { applyDecorators, HttpCode, Post, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';

/**
 * A POST that records something (the public API): 201, documented with what it answers and the problems
 * it can give. Roles stay on the route itself, where a reader checks who may call it.
 */
export function Recording(
  path: string | undefined,
  doc: { summary: string; created?: Type<unknown>; problems: Parameters<typeof ApiProblems> },
) {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    ApiOperation({ summary: doc.summary }),
    ...(doc.created ? [ApiCreatedResponse({ type: doc.created })] : []),
    ApiProblems(...doc.problems),
  );
}
