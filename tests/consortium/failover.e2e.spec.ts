import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@libs/event-store';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { createdId } from '../coop/coop-app';
import { eur } from '../coop/sample-requests';
import { ConsortiumUnderTest, expectStatus, startConsortium } from './consortium-app';
import { everyView, readModelRows } from './consortium-state';
import { rebuiltConsortium } from './operator-rebuild';
import { appendAll, budgetEvents, coopEvents, registryEvents } from './federation-events';

// Two consortium replicas on one database, as docker-compose runs them behind the proxy: both
// answer, one runs the projections. Contributions keep arriving in the store (appended as the
// coop apps append them) while the leader is SIGKILLed; the survivor must take over within 10 s,
// and in the end every view must be exact and equal to an operator's from-scratch rebuild.
jest.setTimeout(180_000);

const COOP = 'velo-solidaire';
const TAKEOVER_MS = 10_000;
const PERIOD = '2027';

const schemas = new TestSchemas();
const readModels = schemas.readModels();
const replicas: ConsortiumUnderTest[] = [];
let rebuilt: ConsortiumUnderTest | undefined;
let store: PostgresEventStore;

beforeAll(async () => {
  store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    schema: schemas.eventStore,
    poolSize: 1,
  });
  await store.init();
  // One after the other: the first is the leader; both share the read-model schema.
  replicas.push(await startConsortium(schemas, readModels));
  replicas.push(await startConsortium(schemas, readModels));
});

afterAll(async () => {
  await Promise.all([...replicas, rebuilt].map((consortium) => consortium?.app.stop()));
  await store?.close();
  await schemas.drop();
});

async function role(consortium: ConsortiumUnderTest): Promise<string | undefined> {
  const response = await consortium.anonymous<{ projections?: string }>('GET', '/health');
  return response.body?.projections;
}

/** The coop's paid EUR, in hundredths, as a replica shows it. */
async function paidHundredths(consortium: ConsortiumUnderTest): Promise<number> {
  const response = await consortium.board()<{ contributions?: { unit: string; paid: string }[] }>(
    'GET',
    `/coops/${COOP}`,
  );
  const eur = response.body?.contributions?.find((line) => line.unit === 'EUR');
  return eur ? Math.round(Number(eur.paid.replace('.', ''))) : 0;
}

/** Appends paid contributions one by one until stopped, as a coop app's requests would. */
function contributionsArriving() {
  const coop = coopEvents(COOP);
  let running = true;
  let total = 0;
  let count = 0;
  const writing = (async () => {
    while (running) {
      const hundredths = 100 + (count % 97);
      await appendAll(store, [
        coop.contributionRecorded(randomUUID(), { unit: 'EUR', hundredths }, { status: 'paid' }),
      ]);
      total += hundredths;
      count++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    get count() {
      return count;
    },
    async stop(): Promise<{ total: number; count: number }> {
      running = false;
      await writing;
      return { total, count };
    },
  };
}

// Replicas need a real PostgreSQL server: the embedded one serves every connection from one
// session, which holds every advisory lock at once.
const onServer = process.env.EMBEDDED_DATABASE === '1' ? it.skip : it;

onServer(
  'fails over to the other replica within 10 s of a SIGKILL, losing no event and applying none twice',
  async () => {
    const [first, second] = replicas;
    await eventually(async () => {
      expect([await role(first), await role(second)]).toEqual(['leader', 'follower']);
    });

    const coop = coopEvents(COOP);
    await appendAll(store, [
      coop.profileSet('social_coop_a'),
      coop.applied(),
      registryEvents.coopAdmitted(COOP, 'social_coop_a'),
      coop.memberAdmitted(randomUUID(), 'worker'),
      budgetEvents(PERIOD).opened(),
    ]);
    // A follower takes writes too, and waits on the leader's views where a command needs them
    // (a vote finds its allocation's period in a projected index).
    const allocationId = createdId(
      await second.board()('POST', `/budgets/${PERIOD}/allocations`, {
        title: 'Shared accounting service',
        purpose: 'bookkeeping for every member coop',
        amount: eur('500.00'),
      }),
      'allocationId',
    );
    await expectStatus(
      second.board('board-2')('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }),
    );

    const writer = contributionsArriving();
    // Both replicas serve the views the leader keeps moving.
    await eventually(async () => {
      expect(await paidHundredths(second)).toBeGreaterThan(0);
      expect(await paidHundredths(first)).toBeGreaterThan(0);
    });
    await eventually(async () => expect(writer.count).toBeGreaterThan(100), 20_000);

    await first.app.stop('SIGKILL');
    const killedAt = Date.now();
    const before = await paidHundredths(second);
    await eventually(async () => expect(await role(second)).toBe('leader'), TAKEOVER_MS);
    const leadingAfter = Date.now() - killedAt;
    await eventually(
      async () => expect(await paidHundredths(second)).toBeGreaterThan(before),
      TAKEOVER_MS,
    );
    const movingAfter = Date.now() - killedAt;
    console.log(
      `leader SIGKILLed: the other replica led after ${leadingAfter} ms, its views moved after ${movingAfter} ms`,
    );
    expect(movingAfter).toBeLessThan(TAKEOVER_MS);

    // The killed replica comes back: as a follower, the survivor keeps the lead.
    replicas[0] = await startConsortium(schemas, readModels);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect([await role(replicas[0]), await role(second)]).toEqual(['follower', 'leader']);

    const { total, count } = await writer.stop();
    await eventually(async () => expect(await paidHundredths(second)).toBe(total), 30_000);
    expect(count).toBeGreaterThan(100);

    // The operator's rebuild from the first event, into a fresh schema, served by a third app.
    rebuilt = await rebuiltConsortium(schemas);

    const views = await everyView(rebuilt, PERIOD);
    expect(await paidHundredths(rebuilt)).toBe(total);
    expect(views[`/budgets/${PERIOD}`]).toMatchObject({
      allocations: [{ allocationId, votes: { for: 1, against: 0, abstain: 0 } }],
    });
    expect(await everyView(second, PERIOD)).toEqual(views);
    expect(await everyView(replicas[0], PERIOD)).toEqual(views);
    expect(await readModelRows(readModels)).toEqual(await readModelRows(rebuilt.readModels));
  },
);
