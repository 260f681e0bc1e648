import { applyDecorators, HttpCode, Post, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponseOptions } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';
import { AnswerHeader, answerHeaders } from './answer-headers';

/**
 * A POST that records something (the public API): 201, documented with what it answers (required:
 * no recording route leaves its clients without a type for its answer), the headers it sets and
 * the problems it can give. Roles stay on the route itself, where a reader checks who may call it.
 */
export function Recording(
  path: string | undefined,
  doc: {
    summary: string;
    description?: string;
    /** The class of the 201's body (in brackets: an array of them); null: said to have none. */
    created: Type<unknown> | [Type<unknown>] | null;
    headers?: AnswerHeader[];
    problems: Parameters<typeof ApiProblems>;
  },
) {
  const created: ApiResponseOptions =
    doc.created === null
      ? { description: 'recorded; the answer has no body' }
      : Array.isArray(doc.created)
        ? { type: doc.created[0], isArray: true }
        : { type: doc.created };
  return applyDecorators(
    Post(path),
    HttpCode(201),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiCreatedResponse({ ...created, headers: answerHeaders(doc.headers) } as ApiResponseOptions),
    ApiProblems(...doc.problems),
  );
}
