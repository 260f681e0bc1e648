import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { ANY } from '@libs/event-store';
import { ProjectionRunner } from '@libs/projections';
import {
  coopEvents,
  registryEvents,
  StreamEvent,
} from '../../../../tests/consortium/federation-events';
import { openTestbed, Testbed } from '../../../../tests/projections/testbed';
import { CONSORTIUM_READ_MODELS } from '..';
import { POOLED_MEANS_READ_SIDE, PooledMeansQueries } from '../pooled-means';
import { booksProjection } from './books.projection';
import { BooksQueries } from './books.queries';

const quiet: LoggerService = { log() {}, warn() {}, error() {} };
const EVERY_DAY = ['0001-01-01', '9999-12-31'] as const;

// Member coops' money in the books: one ledger line per payment, by the pooled means' rules
// (money only, admitted coops only), across batches, and equal to the pooled means' money.
describe('member coops’ money in the books', () => {
  let bed: Testbed;
  let books: BooksQueries;
  const velo = coopEvents('velo-solidaire');
  const casa = coopEvents('casa-comune');
  const gone = coopEvents('gone-coop');
  const ids = {
    dues: randomUUID(),
    barter: randomUUID(),
    hours: randomUUID(),
    pledgePaid: randomUUID(),
    pledgeCancelled: randomUUID(),
    casaBefore: randomUUID(),
    casaPledge: randomUUID(),
    goneBefore: randomUUID(),
    goneAfter: randomUUID(),
  };
  const eur = (hundredths: number) => ({ unit: 'EUR' as const, hundredths });
  const sol = (hundredths: number) => ({ unit: 'SOL' as const, hundredths });

  async function append(events: StreamEvent[]) {
    for (const { streamId, event } of events)
      await bed.store.appendToStream(streamId, [event], ANY);
  }
  const runner = () =>
    new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [booksProjection, ...POOLED_MEANS_READ_SIDE.projections!()],
      logger: quiet,
    });
  async function project() {
    const projecting = runner();
    await projecting.start();
    await projecting.waitUntilCaughtUp();
    await projecting.stop();
  }

  beforeAll(async () => {
    bed = await openTestbed(CONSORTIUM_READ_MODELS.entities, CONSORTIUM_READ_MODELS.migrations);
    books = new BooksQueries(bed.dataSource);
    // A first batch: pledges are left open, standings set; the second settles them.
    await append([
      registryEvents.coopAdmitted('velo-solidaire', 'social_coop_a'),
      velo.contributionRecorded(ids.dues, eur(100_05)),
      velo.contributionRecorded(ids.barter, sol(50_00), { kind: 'barter' }),
      velo.contributionRecorded(ids.hours, { unit: 'hours', hundredths: 3_00 }),
      velo.contributionRecorded(ids.pledgePaid, sol(200_00), { status: 'pledged' }),
      velo.contributionRecorded(ids.pledgeCancelled, eur(300_00), { status: 'pledged' }),
      // Not admitted yet: its money is no cash; its pledge, paid once admitted, is.
      casa.contributionRecorded(ids.casaBefore, eur(999_00)),
      casa.contributionRecorded(ids.casaPledge, eur(40_00), { status: 'pledged' }),
      registryEvents.coopAdmitted('gone-coop', 'scop'),
      gone.contributionRecorded(ids.goneBefore, eur(5_00)),
    ]);
    await project();
    await append([
      velo.pledgePaid(ids.pledgePaid),
      velo.pledgeCancelled(ids.pledgeCancelled),
      // Paid twice: counted once.
      velo.pledgePaid(ids.pledgePaid),
      registryEvents.coopAdmitted('casa-comune', 'scop'),
      casa.pledgePaid(ids.casaPledge),
      registryEvents.withdrawalSettled('gone-coop'),
      gone.contributionRecorded(ids.goneAfter, eur(7_00)),
    ]);
    await project();
  });

  afterAll(async () => {
    await bed?.dispose();
  });

  const lines = () => books.ledger(...EVERY_DAY, { limit: 100 });

  it('books each payment of a member coop as its own line: money only, members only', async () => {
    const read = await lines();
    expect(
      read.map((l) => [l.direction, l.kind, l.coopId, l.counterpart, l.currency, l.hundredths]),
    ).toEqual([
      ['in', 'contribution', 'velo-solidaire', 'velo-solidaire', 'EUR', 100_05n],
      ['in', 'contribution', 'gone-coop', 'gone-coop', 'EUR', 5_00n],
      ['in', 'contribution', 'velo-solidaire', 'velo-solidaire', 'SOL', 200_00n],
      ['in', 'contribution', 'casa-comune', 'casa-comune', 'EUR', 40_00n],
    ]);
    expect(read.map((l) => l.reference)).toEqual([
      ids.dues,
      ids.goneBefore,
      ids.pledgePaid,
      ids.casaPledge,
    ]);
    expect(new Set(read.map((l) => l.eventId)).size).toBe(4);
  });

  it('sums, per currency, to the money the pooled means count', async () => {
    const income = await new PooledMeansQueries(bed.dataSource).periodIncome(
      '2027-01-01',
      '2027-12-31',
    );
    const sum = async (currency: string) =>
      (await lines()).filter((l) => l.currency === currency).reduce((s, l) => s + l.hundredths, 0n);
    expect(await sum('EUR')).toBe(income.money.EUR.paid);
    expect(await sum('SOL')).toBe(income.money.SOL.paid);
    // The consortium's own income has none of it.
    const own = await books.period('2027', ...EVERY_DAY, EVERY_DAY[1]);
    expect(own.received).toEqual({ EUR: 0n, SOL: 0n });
  });

  it('reads the ledger in pages, and rebuilds the same lines', async () => {
    const all = await lines();
    const first = await books.ledger(...EVERY_DAY, { limit: 3 });
    const rest = await books.ledger(...EVERY_DAY, { after: first[2].place, limit: 3 });
    expect([...first, ...rest]).toEqual(all);
    await runner().rebuild(booksProjection.name);
    expect(await lines()).toEqual(all);
  });
});
