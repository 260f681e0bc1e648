import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { answerHeaders } from '@libs/http';

/**
 * A report served as a document (`sendDocument`): 200 in one of these types with its ETag, or
 * 304 when `If-None-Match` names it.
 */
/** A document's digest, on its 200 and again on the 304 that says it is unchanged. */
const DIGEST = {
  ETag: {
    description: 'the document’s digest: send it in If-None-Match to get a 304 while unchanged',
    schema: { type: 'string', maxLength: 100 },
  },
};

export function ApiDocumentResponse(mediaTypes: string[], description: string) {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({
      description,
      // A newsletter is a few pages: 10 MB is far above the largest, a bound for clients to keep.
      schema: { type: 'string', description: 'the document', maxLength: 10_000_000 },
      headers: {
        ...DIGEST,
        // A PDF comes with the file name to save it under.
        ...(mediaTypes.includes('application/pdf') ? answerHeaders(['Content-Disposition']) : {}),
      },
    }),
    ApiResponse({
      status: 304,
      description: 'unchanged since the ETag given in If-None-Match',
      headers: DIGEST,
    }),
  );
}
