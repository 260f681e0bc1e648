import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { runCli } from '../portability/operator-cli';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { ConsortiumUnderTest, startConsortium } from './consortium-app';
import { everyView } from './consortium-state';
import {
  appendToStore,
  budgetEvents,
  coopEvents,
  registryEvents,
  StreamEvent,
} from './federation-events';
import { rebuiltConsortium } from './operator-rebuild';

// The restore drill an operator runs before trusting their backups: a federation's history, the
// consortium's answers from it, a backup with the CLI, the event store and the read models gone,
// a restore into an empty store, a rebuild, and every answer the same as before.
jest.setTimeout(180_000);

const PERIODS = ['2026', '2027'];
const schemas = new TestSchemas();
const directory = mkdtempSync(join(tmpdir(), 'coopfed-backup-'));
const backup = join(directory, 'federation.ndjson.gz');
let original: ConsortiumUnderTest | undefined;
let restored: ConsortiumUnderTest | undefined;

afterAll(async () => {
  await Promise.all([original?.app.stop(), restored?.app.stop()]);
  await schemas.drop();
  rmSync(directory, { recursive: true, force: true });
});

/** Three coops' histories and the board's, interleaved as they would arrive in the store. */
function federationHistory(): StreamEvent[] {
  const histories = [
    coopHistory('velo-solidaire', 'social_coop_a', null),
    coopHistory('habitat-partage', 'scic', {
      rule: 'social-share',
      reason: 'pilot',
      by: 'board-1',
    }),
    coopHistory('epicerie-du-coin', 'social_coop_b', null, { withdraws: true }),
    boardHistory(),
  ];
  const interleaved: StreamEvent[] = [];
  for (let k = 0; histories.some((history) => k < history.length); k++) {
    for (const history of histories) if (k < history.length) interleaved.push(history[k]);
  }
  return interleaved;
}

function coopHistory(
  coopId: string,
  legalForm: 'social_coop_a' | 'social_coop_b' | 'scic',
  override: { rule: string; reason: string; by: string } | null,
  options: { withdraws?: boolean } = {},
): StreamEvent[] {
  const coop = coopEvents(coopId);
  const members = [randomUUID(), randomUUID(), randomUUID()];
  const pledges = [randomUUID(), randomUUID(), randomUUID()];
  const resources = [randomUUID(), randomUUID()];
  const events: StreamEvent[] = [
    coop.profileSet(legalForm, ['mobility', 'work']),
    coop.applied(),
    registryEvents.coopAdmitted(coopId, legalForm, override),
    coop.memberAdmitted(members[0], 'worker', { disadvantaged: true, shares: 3 }),
    coop.memberAdmitted(members[1], 'volunteer'),
    coop.memberAdmitted(members[2], 'legal_person', { shares: 10, nominal: 10000 }),
    coop.sharesSubscribed(members[0], 2),
    coop.capitalPaid(members[0], 7_550),
    coop.categoryChanged(members[1], 'worker', true),
    coop.resourceShared(resources[0], 'equipment', ['mobility']),
    coop.resourceShared(resources[1], 'skill', ['work'], { type: 'free' }),
    coop.resourceWithdrawn(resources[1]),
  ];
  for (let month = 1; month <= 12; month++) {
    const period = `2027-${String(month).padStart(2, '0')}`;
    events.push(
      coop.contributionRecorded(
        randomUUID(),
        { unit: 'EUR', hundredths: 12_050 + month },
        { period },
      ),
      coop.contributionRecorded(
        randomUUID(),
        { unit: 'hours', hundredths: 350 },
        { period, theme: 'work' },
      ),
    );
  }
  events.push(
    coop.contributionRecorded(
      pledges[0],
      { unit: 'EUR', hundredths: 30_000 },
      { status: 'pledged', kind: 'eu_call' },
    ),
    coop.contributionRecorded(
      pledges[1],
      { unit: 'SOL', hundredths: 2_000 },
      { status: 'pledged', kind: 'donation' },
    ),
    coop.contributionRecorded(pledges[2], { unit: 'EUR', hundredths: 999 }, { status: 'pledged' }),
    coop.pledgePaid(pledges[1]),
    coop.pledgeCancelled(pledges[2]),
    coop.memberWithdrew(members[2]),
  );
  if (options.withdraws) {
    events.push(coop.withdrawalRequested(), registryEvents.withdrawalSettled(coopId));
  }
  return events;
}

function boardHistory(): StreamEvent[] {
  return PERIODS.flatMap((periodId) => {
    const budget = budgetEvents(periodId);
    const [first, second] = [randomUUID(), randomUUID()];
    return [
      budget.opened(),
      budget.allocationProposed(first, 50_000, 'velo-solidaire'),
      budget.allocationProposed(second, 20_000),
      budget.voteCast(first, 'board-1', 'for'),
      budget.voteCast(first, 'board-2', 'against'),
      budget.voteCast(second, 'board-3', 'abstain'),
    ];
  });
}

/** Every list and aggregate the consortium answers, once its views have caught up. */
async function everyAnswer(consortium: ConsortiumUnderTest): Promise<Record<string, unknown>> {
  const board = consortium.board();
  await eventually(async () => {
    const { body } = await board<{ items: { status: string }[] }>('GET', '/read-models');
    expect(body.items.map((view) => view.status)).toEqual(body.items.map(() => 'up-to-date'));
  }, 60_000);
  const answers: Record<string, unknown> = {};
  for (const periodId of PERIODS) Object.assign(answers, await everyView(consortium, periodId));
  const budgets = await board('GET', '/budgets');
  expect(budgets.status).toBe(200);
  answers['/budgets'] = budgets.body;
  return answers;
}

async function dropSchemas(...names: string[]): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP SCHEMA ${quoteIdentifier(name)} CASCADE`);
  } finally {
    await client.end();
  }
}

const storeEnv = () => ({
  DATABASE_URL,
  EVENT_STORE_URL: DATABASE_URL,
  EVENT_STORE_SCHEMA: schemas.eventStore,
});

it('gives back every answer of the consortium after backup, loss of the database, restore and rebuild', async () => {
  const history = federationHistory();
  original = await startConsortium(schemas);
  await appendToStore(schemas, history);
  const before = await everyAnswer(original);
  // A history worth restoring: every coop in its state, both budgets with their votes.
  expect(before).toMatchObject({
    '/coops?limit=500': {
      items: [{ status: 'withdrawn' }, { status: 'admitted' }, { status: 'admitted' }],
    },
    '/coops/velo-solidaire': {
      contributions: [
        { unit: 'EUR', pledged: '300.00', paid: '1446.78' },
        { unit: 'SOL', pledged: '0.00', paid: '20.00' },
        { unit: 'hours', pledged: '0.00', paid: '42.00' },
      ],
    },
    '/budgets': { items: [{ periodId: '2027' }, { periodId: '2026' }] },
  });

  const backedUp = await runCli(['backup', backup], storeEnv());
  expect({ code: backedUp.code, stderr: backedUp.stderr }).toEqual({ code: 0, stderr: '' });
  expect(backedUp.stdout).toContain(`backed up ${history.length} events`);

  // The database is lost: the event store and the read models with it.
  const { readModels } = original;
  await original.app.stop();
  original = undefined;
  await dropSchemas(schemas.eventStore, readModels);

  const restoredRun = await runCli(['restore', backup], storeEnv());
  expect({ code: restoredRun.code, stderr: restoredRun.stderr }).toEqual({ code: 0, stderr: '' });
  expect(restoredRun.stdout).toContain(`restored ${history.length} events`);
  // A second restore would duplicate the log: refused, nothing written.
  const again = await runCli(['restore', backup], storeEnv());
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('not empty');

  restored = await rebuiltConsortium(schemas);
  expect(await everyAnswer(restored)).toEqual(before);
});

it('refuses a backup cut short, naming it, and writes nothing', async () => {
  expect(existsSync(backup)).toBe(true);
  const cut = join(directory, 'cut.ndjson.gz');
  const whole = readFileSync(backup);
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
  const empty = new TestSchemas();
  try {
    const run = await runCli(['restore', cut], {
      DATABASE_URL,
      EVENT_STORE_URL: DATABASE_URL,
      EVENT_STORE_SCHEMA: empty.eventStore,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^backup line \d+: /);
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM ${quoteIdentifier(empty.eventStore)}.events`,
      );
      expect(rows[0].count).toBe(0);
    } finally {
      await client.end();
    }
  } finally {
    await empty.drop();
  }
});
