import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Builds the board's page into `outDir` with Vite, as `npm run build` does: the tests serve it. */
export async function buildBoardPage(outDir: string): Promise<void> {
  await promisify(execFile)('npx', [
    'vite',
    'build',
    '--config',
    'apps/board/vite.config.mts',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
}
