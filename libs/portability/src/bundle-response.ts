import { Readable } from 'node:stream';
import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { answerHeaders } from '@libs/http';
import { BUNDLE_MEDIA_TYPE } from './bundle-format';
import { PreparedBundle } from './bundle-writer';

/**
 * A prepared bundle as an HTTP answer, streamed as the client reads it (the store is paged only as
 * fast as the socket drains). Should the store fail halfway, the connection is cut rather than
 * ended: the bundle arrives without its seal and shows itself broken.
 */
export function bundleResponse(bundle: PreparedBundle): StreamableFile {
  const { coopId, createdAt } = bundle.manifest;
  const day = createdAt.slice(0, 10);
  return new StreamableFile(Readable.from(bundle.text(), { objectMode: false }), {
    type: BUNDLE_MEDIA_TYPE,
    disposition: `attachment; filename="${coopId}-${day}.ndjson"`,
  });
}

/**
 * The 200 of a route that answers a bundle, as OpenAPI says it: `application/x-ndjson`, one JSON
 * object per line (docs/export-format.md), saved under the name `Content-Disposition` gives.
 */
export function ApiBundleResponse() {
  return applyDecorators(
    ApiProduces(BUNDLE_MEDIA_TYPE),
    ApiOkResponse({
      description: 'the bundle, one JSON object per line: a manifest, the events, a seal',
      // No practical bound: a history grows with the coop; a client streams it line by line.
      schema: { type: 'string', description: 'NDJSON lines', maxLength: Number.MAX_SAFE_INTEGER },
      headers: answerHeaders(['Content-Disposition']),
    }),
  );
}
