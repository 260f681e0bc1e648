import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser } from 'playwright-core';
import { BOARD_MEMBERS } from '../consortium/consortium-app';
import { APP_ENTRY, RunningApp, startApp, TestSchemas } from '../support/apps';
import { launchBrowser } from './browser';

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

/** The board's page served by a consortium app, and a browser to open it. */
export interface ServedBoardPage {
  app: RunningApp;
  browser: Browser;
  /** Closes the browser, stops the app, removes the page (the schemas stay the caller's). */
  stop(): Promise<void>;
}

/**
 * The board's page as its members reach it: built into a folder of its own, served by a consortium
 * app on `schemas` with the sample board (BOARD_MEMBERS), and a browser to open it.
 */
export async function serveBoardPage(schemas: TestSchemas): Promise<ServedBoardPage> {
  const boardDir = mkdtempSync(join(tmpdir(), 'board-page-'));
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  const stop = async () => {
    await browser?.close();
    await app?.stop();
    rmSync(boardDir, { recursive: true, force: true });
  };
  try {
    [browser] = await Promise.all([launchBrowser(), buildBoardPage(boardDir)]);
    app = await startApp(APP_ENTRY.consortium, schemas, {
      BOARD_MEMBERS: BOARD_MEMBERS.join(','),
      DATABASE_SCHEMA: schemas.readModels(),
      BOARD_PAGE_DIR: boardDir,
    });
    return { app, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
