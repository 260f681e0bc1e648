import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';

/**
 * A report served as a document (`sendDocument`): 200 in one of these types with its ETag, or
 * 304 when `If-None-Match` names it.
 */
export function ApiDocumentResponse(mediaTypes: string[], description: string) {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({
      description,
      // A newsletter is a few pages: 10 MB is far above the largest, a bound for clients to keep.
      schema: { type: 'string', description: 'the document', maxLength: 10_000_000 },
      headers: {
        ETag: {
          description:
            'the document’s digest: send it in If-None-Match to get a 304 while unchanged',
          schema: { type: 'string', maxLength: 100 },
        },
      },
    }),
    ApiResponse({ status: 304, description: 'unchanged since the ETag given in If-None-Match' }),
  );
}
