import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiClient, eventually } from '../support/apps';
import { demoHistory } from '../../scripts/federation/demo/demo-history';
import {
  FIRST_START_MS,
  interrupt,
  RunningFederation,
  spawnLauncher,
  startFederation,
  survivors,
} from './federation-launcher';
import { checkedFetch } from '../support/openapi-conformance';

/** Read and write for the owner alone. */
function ownerOnly(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

/** Whether the database lets in a connection with this URL (or answers why not). */
async function connects(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const federationJson = JSON.parse(
  readFileSync(resolve(__dirname, '../../federation.json'), 'utf8'),
) as {
  coops: { id: string; legalForm: string }[];
};

interface MemberCoop {
  coopId: string;
  status: string;
  legalForm: string;
  admissionOverride: { rule: string; reason: string } | null;
  members: { total: number };
  contributions: { unit: string; pledged: string; paid: string }[];
}

interface Budget {
  allocations: { status: string; votes: { for: number; against: number; abstain: number } }[];
}

/** What the board sees of the federation: the views a newcomer opens first. */
async function boardViews(federation: RunningFederation) {
  const board = apiClient(federation.ready.env.CONSORTIUM_URL, federation.ready.env.BOARD_TOKEN);
  const get = async <T>(path: string) => {
    const answer = await board<T>('GET', path);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  return {
    coops: (await get<{ items: MemberCoop[] }>('/coops')).items,
    budget: await get<Budget>(`/budgets/${federation.ready.env.BUDGET_PERIOD}`),
    pooledMeans: await get<{ totals: { unit: string; paid: string }[] }>('/pooled-means'),
    resources: (await get<{ items: unknown[] }>('/resources?limit=500')).items,
  };
}
type BoardViews = Awaited<ReturnType<typeof boardViews>>;

const history = demoHistory(new Date().toISOString().slice(0, 10));

/** The demo history is all there, once: every member, every resource, the budget's votes. */
function expectDemoHistory(views: BoardViews): void {
  expect(views.coops.map((coop) => coop.coopId).sort()).toEqual(
    federationJson.coops.map((coop) => coop.id).sort(),
  );
  for (const coop of views.coops) {
    const planned = history.coops[coop.coopId];
    expect(coop.status).toBe('admitted');
    expect(coop.members.total).toBe(planned.members.length);
    expect(coop.contributions.map((line) => line.unit).sort()).toEqual(
      [
        ...new Set(planned.contributions.map((c) => (c.hours ? 'hours' : c.amount!.currency))),
      ].sort(),
    );
  }
  // One social coop, then a housing coop and a SCIC: the board overrode the 70% rule twice, saying why.
  const overridden = views.coops.filter((coop) => coop.admissionOverride);
  expect(overridden.map((coop) => coop.legalForm).sort()).toEqual(['coop', 'scic']);
  for (const coop of overridden) {
    expect(coop.admissionOverride!.rule).toBe('social_coops_at_least_70pct');
    expect(coop.admissionOverride!.reason.length).toBeGreaterThan(10);
  }
  expect(views.pooledMeans.totals.map((line) => line.unit).sort()).toEqual(['EUR', 'SOL', 'hours']);
  expect(views.resources).toHaveLength(
    Object.values(history.coops).reduce((n, coop) => n + coop.resources.length, 0),
  );
  expect(views.budget.allocations.map((a) => a.status).sort()).toEqual(['approved', 'proposed']);
  const votes = views.budget.allocations.map(
    (a) => a.votes.for + a.votes.against + a.votes.abstain,
  );
  expect(votes).toEqual(history.budget.allocations.map((a) => a.votes.length));
}

describe('npm start: the federation on the embedded store, seeded once, stopped by Ctrl-C', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'federation-launcher-'));
  let first: RunningFederation | undefined;
  let second: RunningFederation | undefined;
  let firstViews: BoardViews;

  afterAll(async () => {
    for (const federation of [first, second]) if (federation) await interrupt(federation.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'runs the consortium and every coop of federation.json, with a demo history the board can see',
    async () => {
      // An inherited store URL would point the apps elsewhere: the launcher must ignore it.
      first = await startFederation(dataDir, { EVENT_STORE_URL: 'esdb://127.0.0.1:1?tls=false' });
      const { ready } = first;
      console.log(`first start ready in ${ready.startupMs} ms`, ready.phases);

      expect(ready.apps.map((app) => app.name)).toEqual([
        'consortium',
        ...federationJson.coops.map((coop) => coop.id),
      ]);
      expect(ready.dataDir).toBe(dataDir);
      expect(ready.seeded).toBe(true);
      // So is the tests' DATABASE_URL: the data is under DATA_DIR.
      expect(first.output()).toContain('ignoring DATABASE_URL, EVENT_STORE_URL');
      const databaseUrl = readFileSync(join(dataDir, 'database.url'), 'utf8').trim();
      expect(databaseUrl).toMatch(/^postgres:\/\/.*127\.0\.0\.1/);
      expect(readFileSync(join(dataDir, 'dev.env'), 'utf8')).toContain(
        `export BOARD_TOKEN='${ready.env.BOARD_TOKEN}'`,
      );
      // The secrets are the owner's alone; the database wants the password kept beside its data.
      for (const file of ['database.url', 'dev.env', 'database.password', 'auth-secret']) {
        expect([file, ownerOnly(join(dataDir, file))]).toEqual([file, '600']);
      }
      const password = readFileSync(join(dataDir, 'database.password'), 'utf8').trim();
      expect(new URL(databaseUrl).password).toBe(password);
      expect(await connects(databaseUrl)).toBe('connected');
      const wrong = new URL(databaseUrl);
      wrong.password = 'guessed';
      expect(await connects(wrong.toString())).toBe('password authentication failed');
      for (const app of ready.apps) {
        expect((await checkedFetch(app.url, '/health')).status).toBe(200);
        expect((await fetch(app.docs)).status).toBe(200);
      }
      // The board's page, built with the apps, and a signed-in link for a board member and the auditor.
      const page = await fetch(ready.boardPage.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(ready.boardPage.links.map((l) => l.link)).toEqual([
        `${ready.boardPage.url}#token=${ready.env.BOARD_TOKEN}`,
        `${ready.boardPage.url}#token=${ready.env.AUDITOR_TOKEN}`,
      ]);
      expect(first.output()).toContain(ready.boardPage.links[0].link);
      // A token per role: each board member, an auditor, each coop's admin.
      expect(ready.tokens.map((t) => t.role).sort()).toEqual(
        [
          ...Array(3).fill('board-member'),
          'auditor',
          ...federationJson.coops.map(() => 'coop-admin'),
        ].sort(),
      );

      firstViews = await eventually(async () => {
        const views = await boardViews(first!);
        expectDemoHistory(views);
        return views;
      });
    },
    FIRST_START_MS,
  );

  it('stops every app and the database on SIGINT, leaving no process behind', async () => {
    const federation = first!;
    const pids = [federation.child.pid!, ...federation.ready.apps.map((app) => app.pid)];

    expect(await interrupt(federation.child)).toBe(0);

    expect(await survivors(pids)).toEqual([]);
    for (const app of federation.ready.apps) {
      await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    }
    expect(existsSync(join(dataDir, 'database.url'))).toBe(false);
    expect(existsSync(join(dataDir, 'dev.env'))).toBe(false);
  });

  it(
    'starts again on the same data: the same history, seeded only once, the same tokens valid',
    async () => {
      second = await startFederation(dataDir);
      console.log(`restart ready in ${second.ready.startupMs} ms`, second.ready.phases);

      expect(second.ready.seeded).toBe(false);
      // The development secret is kept beside the data: yesterday's token still opens the door.
      const board = apiClient(second.ready.env.CONSORTIUM_URL, first!.ready.env.BOARD_TOKEN);
      expect((await board('GET', '/coops')).status).toBe(200);

      const views = await eventually(async () => {
        const again = await boardViews(second!);
        expect(again).toEqual(firstViews);
        return again;
      });
      expectDemoHistory(views);

      const pids = [second.child.pid!, ...second.ready.apps.map((app) => app.pid)];
      expect(await interrupt(second.child)).toBe(0);
      expect(await survivors(pids)).toEqual([]);
    },
    FIRST_START_MS,
  );

  it(
    'prints no token to an output that is not a terminal, unless asked with --json',
    async () => {
      const launcher = spawnLauncher(dataDir);
      try {
        await eventually(
          async () => expect(launcher.output()).toContain('Ctrl-C stops everything.'),
          FIRST_START_MS,
        );
        const devEnv = readFileSync(join(dataDir, 'dev.env'), 'utf8');
        expect(devEnv).toContain('export BOARD_TOKEN=');
        expect(launcher.output()).toContain(`Development tokens: in ${join(dataDir, 'dev.env')}`);
        // A token is a JWT: three base64url parts, the first an encoded JSON header.
        expect(launcher.output()).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
        expect(devEnv).toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
        expect(launcher.output()).not.toContain('{"ready"');
      } finally {
        expect(await interrupt(launcher.child)).toBe(0);
      }
    },
    FIRST_START_MS,
  );
});
