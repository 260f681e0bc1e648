import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core: this machine cannot download a browser, and a
 * distribution's browser is what a board's laptop runs anyway. `CHROMIUM_PATH` overrides.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Without a browser the board tests are skipped with a note (a newcomer's `npm test`), unless the
 * run requires them (`BOARD_BROWSER_REQUIRED=1`, set by `.ci/run`, which installs Chromium).
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.BOARD_BROWSER_REQUIRED === '1') {
    throw new Error(`BOARD_BROWSER_REQUIRED=1 but no browser at ${CHROMIUM}`);
  }
  console.warn(
    `Skipping the board's browser tests: no Chromium at ${CHROMIUM} (apt install chromium).`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container, without a GPU, on a closed network: no sandbox, and none of the
    // background connections Chromium would otherwise try (and fail) at every start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const SCREENSHOTS = resolve(__dirname, '../../test-output/board');

/** Saves what the page shows, under test-output/board/ (kept by CI as the test's output). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A page in a fresh browser profile (nothing signed in, nothing kept), at a laptop's size. */
export async function freshPage(
  browser: Browser,
  locale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** After a test: what its page showed, saved under the test's name, then its profile closed. */
export async function screenshotAndClose(page: Page, context: BrowserContext): Promise<void> {
  await screenshot(page, expect.getState().currentTestName!.replace(/\W+/g, '-'));
  await context.close();
}
