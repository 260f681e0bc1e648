import { MAX_URL_LENGTH } from './framework-errors';

/** The headers a successful answer may carry, as the OpenAPI document describes them. */
const HEADERS = {
  ETag: {
    description:
      'the version of what the answer shows: send it back in `If-Match` to change it only if nobody did since',
    schema: { type: 'string' as const, pattern: '^"[0-9]+"$', maxLength: 12 },
  },
  Location: {
    description: 'where what was just recorded is read',
    schema: { type: 'string' as const, format: 'uri-reference', maxLength: MAX_URL_LENGTH },
  },
  'Content-Disposition': {
    description: 'the file name to save the answer under',
    schema: { type: 'string' as const, maxLength: 200 },
  },
} as const;

export type AnswerHeader = keyof typeof HEADERS;

/** The `headers` of an `@ApiResponse`, for these names. */
export function answerHeaders(names: AnswerHeader[] = []) {
  return names.length ? Object.fromEntries(names.map((name) => [name, HEADERS[name]])) : undefined;
}
