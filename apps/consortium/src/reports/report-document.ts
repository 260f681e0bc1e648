import { createHash } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../board-page';

/**
 * Answers a rendered document (page, PDF, feed) with the board page's policy (nothing but this
 * app, no inline script or style, no framing) and a strong ETag of its bytes: a reader that has
 * it gets 304 without the body. `cache` is the Cache-Control: public pages may be kept by shared
 * caches; a member's copy may not.
 */
export function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  contentType: string,
  cache: string,
): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  reply
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', cache)
    .header('ETag', etag);
  const known = request.headers['if-none-match'];
  if (known && known.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return reply.code(304).send();
  }
  return reply.code(200).type(contentType).send(body);
}
