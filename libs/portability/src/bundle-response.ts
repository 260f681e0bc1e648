import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
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
