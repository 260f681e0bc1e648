import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../support/apps';
import {
  FIRST_START_MS,
  interrupt,
  RunningFederation,
  startFederation,
} from './federation-launcher';
import { README, tourCommands, variablesOf } from './readme-tour';

const commands = tourCommands();

describe("the README's five-minute tour, run against npm start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'federation-tour-'));
  // The reader's terminal: the folder the commands write to, and a curlrc that prints the status.
  const workDir = mkdtempSync(join(tmpdir(), 'federation-tour-cwd-'));
  let federation: RunningFederation;

  beforeAll(async () => {
    writeFileSync(join(workDir, '.curlrc'), 'write-out = "\\n%{http_code}\\n"\n');
    federation = await startFederation(dataDir);
  }, FIRST_START_MS);

  afterAll(async () => {
    if (federation) await interrupt(federation.child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('is curl -fsS calls that use only the variables npm start exports, all documented', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
    for (const command of commands) expect(command).toMatch(/^curl -fsS /);
    const exported = Object.keys(federation.ready.env);
    const used = new Set(commands.flatMap(variablesOf));
    expect([...used].filter((name) => !exported.includes(name))).toEqual([]);
    const readme = readFileSync(README, 'utf8');
    expect(exported.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it.each(commands.map((command) => [command.split('\n')[0], command]))('%s', (_title, command) => {
    const run = spawnSync('bash', ['-c', command], {
      cwd: workDir,
      env: { ...process.env, ...federation.ready.env, CURL_HOME: workDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ exit: run.status, stderr: run.stderr }).toEqual({ exit: 0, stderr: '' });
    const status = Number(run.stdout.trimEnd().split('\n').pop());
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
  });

  it('leaves what the tour says: the proposed training approved by two votes', async () => {
    const board = apiClient(federation.ready.env.CONSORTIUM_URL, federation.ready.env.BOARD_TOKEN);
    const budget = await board<{ allocations: { title: string; status: string }[] }>(
      'GET',
      `/budgets/${federation.ready.env.BUDGET_PERIOD}`,
    );
    expect(budget.body.allocations).toContainEqual(
      expect.objectContaining({ title: 'Training in cooperative governance', status: 'approved' }),
    );
  });
});
