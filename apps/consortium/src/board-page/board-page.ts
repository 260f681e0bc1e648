import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyStaticOptions } from '@nestjs/platform-fastify/interfaces/external';

/** Where the board's page is served; the page itself lives in `apps/board` and is built by Vite. */
export const BOARD_PAGE_PATH = '/board/';

/**
 * The page may only talk to this app: no inline script or style, no other origin, no framing (a
 * board's vote must not be clickjacked). Chart.js sizes its canvas through the CSSOM, which
 * style-src does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `dist/board` beside the built apps, found from the package root whether this file runs from
 * `dist/apps/consortium` (built) or from `apps/consortium/src` (tests); `BOARD_PAGE_DIR` overrides.
 */
export function boardPageDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BOARD_PAGE_DIR) return resolve(env.BOARD_PAGE_DIR);
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist/board');
}

/**
 * Serves the board's page as static files. It holds no data: every figure it shows comes from
 * this app's API with the signed-in member's token, so the files themselves need no role.
 */
export function serveBoardPage(app: NestFastifyApplication, dir = boardPageDir()): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/board', (_request, reply) => reply.redirect(BOARD_PAGE_PATH, 301));
  if (!existsSync(join(dir, 'index.html'))) {
    fastify.get(BOARD_PAGE_PATH, (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The board's page is not built (${dir}): run npm run build.\n`),
    );
    return;
  }
  // @fastify/static 10 hands setHeaders the Fastify reply (Nest's option type still says the raw
  // response): headers go through `reply.header`.
  const setHeaders = (reply: { header(name: string, value: string): unknown }, path: string) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    // Vite names assets by their content hash: they never change; the page itself may.
    reply.header(
      'Cache-Control',
      path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  };
  app.useStaticAssets({
    root: dir,
    prefix: BOARD_PAGE_PATH,
    // One route per file found at start, rather than one wildcard route that resolves each path
    // asked for: a path that climbs out (`/board/../../etc/passwd`) or names nothing built is an
    // unknown route, a 404 like any other, and no request path ever reaches the file system.
    wildcard: false,
    decorateReply: false,
    setHeaders: setHeaders as unknown as FastifyStaticOptions['setHeaders'],
  });
}
