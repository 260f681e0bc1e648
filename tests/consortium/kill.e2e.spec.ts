import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import { CoopUnderTest, createdId, queryEvents } from '../coop/coop-app';
import { admission, eur, resource } from '../coop/sample-requests';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { ConsortiumUnderTest, CURRENT_YEAR, expectStatus, startConsortium } from './consortium-app';
import { everyView, readModelRows } from './consortium-state';
import { rebuiltConsortium } from './operator-rebuild';
import { BurstContribution, burstTotals, contributionBurst } from './contribution-burst';
import { LedgerTrap, setLedgerTrap } from './ledger-trap';
import { applyToConsortium, HABITAT, inParallel, startCoops, VELO } from './member-coops';

// Invariant 1 for the consortium app as it runs: SIGKILLed while its projections apply a burst of
// contributions that two coop apps take in over HTTP, restarted on the same read-model schema,
// killed again right after the burst and again while it catches up at start. In the end every
// view must be exact, and equal, view for view and row for row, to what an operator's
// from-scratch rebuild (`npm run cli -- projections rebuild`) makes of the same store.
jest.setTimeout(300_000);

const BURST = 640;
const IN_FLIGHT = 8;
const PERIOD = CURRENT_YEAR;

const schemas = new TestSchemas();
let coops: Record<string, CoopUnderTest>;
/** The consortium that lives through the kills, always on the same read-model schema. */
let consortium: ConsortiumUnderTest;
let rebuilt: ConsortiumUnderTest | undefined;

/** Where each kill left the pooled-means projection, against the head of the log. */
const kills: { when: string; insideBatch: boolean; applied: number; head: number }[] = [];

beforeAll(async () => {
  let started: CoopUnderTest[];
  [consortium, started] = await Promise.all([
    startConsortium(schemas),
    startCoops(schemas, VELO, HABITAT),
  ]);
  coops = Object.fromEntries(started.map((coop) => [coop.coopId, coop]));
});

afterAll(async () => {
  console.log(
    `consortium SIGKILLed: ${kills
      .map(
        (k) =>
          `${k.when}${k.insideBatch ? ' inside a batch transaction' : ''}, pooled means at position ${k.applied} of ${k.head}`,
      )
      .join('; ')}`,
  );
  await Promise.all([
    consortium?.app.stop(),
    rebuilt?.app.stop(),
    ...Object.values(coops ?? {}).map((coop) => coop.app.stop()),
  ]);
  await schemas.drop();
});

/** SIGKILLs the consortium, once the trap (if any) has caught its pooled means inside a batch. */
async function kill(when: string, trap: LedgerTrap): Promise<void> {
  const insideBatch = await trap.caught();
  await consortium.app.stop('SIGKILL');
  await trap.release();
  const [{ head }] = await queryEvents<{ head: number }>(
    schemas,
    (events) => `SELECT coalesce(max(global_position), 0)::int AS head FROM ${events}`,
  );
  kills.push({
    when,
    insideBatch,
    applied: await pooledMeansPosition(consortium.readModels),
    head,
  });
}

async function restart(): Promise<void> {
  consortium = await startConsortium(schemas, consortium.readModels);
}

async function pooledMeansPosition(schema: string): Promise<number> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ position: number }>(
      `SELECT position::int FROM ${quoteIdentifier(schema)}.projection_checkpoints WHERE name = 'pooled_means'`,
    );
    return rows[0]?.position ?? 0;
  } finally {
    await client.end();
  }
}

it('comes back from SIGKILLs mid-burst with every view exact and equal to a from-scratch rebuild', async () => {
  // The federation before the burst: two member coops (one by override), members, resources, a
  // budget with an allocation under vote.
  const velo = coops[VELO.coopId];
  const habitat = coops[HABITAT.coopId];
  await applyToConsortium(velo, VELO);
  await applyToConsortium(habitat, HABITAT);
  const board = consortium.board();
  await expectStatus(board('POST', `/coops/${VELO.coopId}/admission`, {}));
  await expectStatus(
    board('POST', `/coops/${HABITAT.coopId}/admission`, { override: { reason: 'pilot' } }),
  );
  for (const coop of [velo, habitat]) {
    createdId(await coop.admin('POST', '/members', admission({ disadvantaged: true })), 'memberId');
    createdId(
      await coop.admin('POST', '/members', admission({ category: 'volunteer' })),
      'memberId',
    );
    createdId(await coop.admin('POST', '/resources', resource()), 'resourceId');
  }
  await expectStatus(board('POST', '/budgets', { periodId: PERIOD }));
  const allocationId = createdId(
    await board('POST', `/budgets/${PERIOD}/allocations`, {
      title: 'Shared accounting service',
      purpose: 'bookkeeping for every member coop',
      amount: eur('500.00'),
    }),
    'allocationId',
  );
  await expectStatus(board('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }));

  // The burst: every request a thunk, so that recordings and payments interleave in flight.
  const burst = contributionBurst(BURST, [VELO.coopId, HABITAT.coopId]);
  const record = (c: BurstContribution) => async () =>
    expect((await coops[c.coopId].admin('POST', '/contributions', c.body)).status).toBe(201);
  const pay = (c: BurstContribution) => async () => {
    const path = `/contributions/${c.contributionId}/payment`;
    expect((await coops[c.coopId].admin('POST', path, {})).status).toBe(201);
  };
  const send = (requests: (() => Promise<void>)[]) =>
    inParallel(requests, IN_FLIGHT, (request) => request());
  // Two pledges in three are paid later: those of the first 400 during the burst, the others
  // once it is over, while the consortium is down.
  const paidLater = burst.filter((c) => c.pledged).filter((_, k) => k % 3 !== 0);
  const [early, late] = [burst.slice(0, 400), burst.slice(400)];
  const tail = [...late.map(record), ...paidLater.filter((c) => early.includes(c)).map(pay)];

  // Killed in the middle of the burst, and restarted while the coops go on taking contributions.
  let restarted: Promise<void> | undefined;
  let answered = 0;
  await inParallel(early, IN_FLIGHT, async (c) => {
    await record(c)();
    if (++answered === 250) {
      restarted = setLedgerTrap(consortium.readModels)
        .then((trap) => kill('mid-burst', trap))
        .then(restart);
    }
  });
  await restarted;
  await send(tail.slice(0, 200));
  // Killed right after the burst, in the batch that applies its tail.
  let trap = await setLedgerTrap(consortium.readModels);
  await send(tail.slice(200));
  await kill('right after the burst', trap);
  await send(paidLater.filter((c) => late.includes(c)).map(pay));
  // Killed while it catches up at start, then left to run.
  trap = await setLedgerTrap(consortium.readModels);
  await restart();
  await kill('catching up at start', trap);
  await restart();

  const totals = burstTotals(burst, new Set(paidLater.map((c) => c.contributionId)));
  await eventually(async () => {
    expect((await consortium.board()('GET', '/pooled-means')).body).toMatchObject({ totals });
  }, 60_000);

  // The operator's rebuild from the first event, into a fresh schema, served by a second app.
  rebuilt = await rebuiltConsortium(schemas);

  const views = await everyView(rebuilt, PERIOD);
  expect(views['/pooled-means']).toMatchObject({ totals });
  expect(views[`/budgets/${PERIOD}`]).toMatchObject({
    allocations: [{ allocationId, status: 'proposed', votes: { for: 1, against: 0, abstain: 0 } }],
  });
  expect(await everyView(consortium, PERIOD)).toEqual(views);
  expect(await readModelRows(consortium.readModels)).toEqual(
    await readModelRows(rebuilt.readModels),
  );
});
