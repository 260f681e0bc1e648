import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The board's page: built into dist/board, served by the consortium app under /board/ (same
 * origin as the API it reads, so no CORS and a strict Content-Security-Policy).
 */
export default defineConfig({
  root: here('.'),
  base: '/board/',
  // Shared domain words (themes, pillars, legal forms…) come from the contracts, not a copy.
  resolve: { alias: { '@libs/contracts': here('../../libs/contracts/src') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/board'),
    emptyOutDir: true,
    // A board meeting's laptop may be old; the page needs nothing newer than this.
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:board`: the page with hot reload, its API calls sent to a running consortium app.
    proxy: Object.fromEntries(
      [
        '/coops',
        '/pooled-means',
        '/budgets',
        '/allocations',
        '/compliance',
        '/resources',
        '/read-models',
      ].map((path) => [path, process.env.CONSORTIUM_URL ?? 'http://127.0.0.1:3000']),
    ),
  },
});
