import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAvailable, launchBrowser, screenshot } from '../board/browser';
import { expectProblem } from '../coop/problem-assertions';
import { apiClient, APP_ENTRY, RunningApp, startApp, TestSchemas, tokenFor } from '../support/apps';

// What every answer of an app carries for a browser's safety, and how it treats a caller that
// keeps failing to authenticate.
const schemas = new TestSchemas();
const boardPage = mkdtempSync(join(tmpdir(), 'board-page-'));
let app: RunningApp;

const board = () => apiClient(app.url, tokenFor({ sub: 'board-1', role: 'board-member' }));

beforeAll(async () => {
  writeFileSync(join(boardPage, 'index.html'), '<!doctype html><title>Board</title>');
  app = await startApp(APP_ENTRY.consortium, schemas, {
    BOARD_MEMBERS: 'board-1',
    BOARD_PAGE_DIR: boardPage,
    AUTH_FAILURE_LIMIT: '3',
    AUTH_FAILURE_WINDOW_SECONDS: '60',
  });
});

afterAll(async () => {
  await app?.stop();
  await schemas.drop();
  rmSync(boardPage, { recursive: true, force: true });
});

describe('security headers (Helmet)', () => {
  it('are on an API answer, and on a problem document', async () => {
    for (const response of [
      await board()('GET', '/coops'),
      await apiClient(app.url)('GET', '/coops'),
    ]) {
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure');
    }
  });

  it("leave the board's page its own, stricter, policy", async () => {
    const response = await fetch(`${app.url}/board/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  (browserAvailable() ? it : it.skip)(
    'let the API page (/docs) run in a browser: every route listed, nothing blocked',
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const refused: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') refused.push(message.text());
        });
        await page.goto(`${app.url}/docs`);
        await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
        expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
        await screenshot(page, 'docs-with-security-headers');
        expect(refused).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});

describe('failed authentications from one address (AUTH_FAILURE_LIMIT: 3 a minute here)', () => {
  it('slow down that address with a 429 and Retry-After; successful requests never count', async () => {
    for (let i = 0; i < 5; i++) expect((await board()('GET', '/coops')).status).toBe(200);
    const guesser = apiClient(app.url, 'a-guessed-token');
    for (let i = 0; i < 3; i++) expectProblem(await guesser('GET', '/coops'), 401);

    const refused = await guesser('GET', '/coops');
    expectProblem(refused, 429, {
      title: 'Too Many Requests',
      detail: expect.stringMatching(/too many failed authentications/),
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Until the window ends, the address is slowed whatever it sends: a right guess gains nothing.
    expect((await board()('GET', '/coops')).status).toBe(429);
    // A public route takes no token: a health check from that address still gets its answer.
    expect((await apiClient(app.url)('GET', '/health')).status).toBe(200);
  });
});
