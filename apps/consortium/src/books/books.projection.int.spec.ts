import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import {
  BooksEvent,
  consortiumStream,
  coopStream,
  DISBURSEMENTS_AGGREGATE,
  FUNDING_APPLICATION_AGGREGATE,
  INCOME_AGGREGATE,
} from '@libs/contracts';
import { ANY } from '@libs/event-store';
import { ProjectionRunner } from '@libs/projections';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { CONSORTIUM_READ_MODELS } from '..';
import { booksProjection } from './books.projection';
import { BooksQueries } from './books.queries';

const quiet: LoggerService = { log() {}, warn() {}, error() {} };
const APPLICATION = randomUUID();
const ALLOCATION = randomUUID();
const eur = (hundredths: number) => ({ unit: 'EUR' as const, hundredths });
const income = (incomeId: string, hundredths: number, receivedOn: string) => ({
  incomeId,
  kind: 'donation' as const,
  amount: eur(hundredths),
  receivedOn,
  funder: 'A. Bianchi',
  recordedBy: 'board-1',
});

describe('the books projection', () => {
  let bed: Testbed;
  let books: BooksQueries;

  async function append(streamId: string, event: BooksEvent) {
    await bed.store.appendToStream(
      streamId,
      [
        {
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          metadata: { coopId: null, actor: 'board-1', correlationId: 'c', causationId: 'c' },
        },
      ],
      ANY,
    );
  }
  const runner = () =>
    new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [booksProjection],
      logger: quiet,
    });

  beforeAll(async () => {
    bed = await openTestbed(CONSORTIUM_READ_MODELS.entities, CONSORTIUM_READ_MODELS.migrations);
    books = new BooksQueries(bed.dataSource);
    const application = consortiumStream(FUNDING_APPLICATION_AGGREGATE, APPLICATION);
    await append(application, {
      type: 'FundingApplied',
      data: {
        applicationId: APPLICATION,
        funder: 'Fondazione Cariplo',
        call: 'Welfare',
        kind: 'grant',
        requested: eur(2_000_000),
        deadline: '2027-03-31',
        theme: 'civic',
        appliedBy: 'board-1',
      },
    });
    await append(application, {
      type: 'FundingDecided',
      data: {
        applicationId: APPLICATION,
        outcome: 'awarded',
        decidedOn: '2027-04-15',
        awarded: eur(1_500_000),
        reportingDueOn: '2028-01-31',
        decidedBy: 'board-1',
      },
    });
    await append(application, {
      type: 'FundingReceived',
      data: {
        applicationId: APPLICATION,
        ...income(randomUUID(), 1_000_000, '2027-05-02'),
        kind: 'grant',
        funder: 'Fondazione Cariplo',
      },
    });
    const donation = randomUUID();
    await append(consortiumStream(INCOME_AGGREGATE, donation), {
      type: 'IncomeReceived',
      data: income(donation, 120_050, '2027-06-10'),
    });
    // The same type on a coop's stream is nobody's books.
    const forged = randomUUID();
    await append(coopStream('rogue-coop', INCOME_AGGREGATE, forged), {
      type: 'IncomeReceived',
      data: income(forged, 99_999_999_999, '2027-06-10'),
    });
    await append(consortiumStream(DISBURSEMENTS_AGGREGATE, '2027'), {
      type: 'AllocationDisbursed',
      data: {
        periodId: '2027',
        disbursementId: randomUUID(),
        allocationId: ALLOCATION,
        theme: 'mobility',
        amount: eur(300_000),
        paidOn: '2027-06-20',
        payeeCoopId: 'velo-solidaire',
        payeeName: null,
        reference: 'BIKES-1',
        paidBy: 'board-1',
      },
    });
    const projecting = runner();
    await projecting.start();
    await projecting.waitUntilCaughtUp();
    await projecting.stop();
  });

  afterAll(async () => {
    await bed.dispose();
  });

  it('gives a period its own income and disbursements, as of a day', async () => {
    expect(await books.period('2027', '2027-01-01', '2027-12-31', '2027-12-31')).toEqual({
      received: { EUR: 1_120_050n, SOL: 0n },
      disbursed: { EUR: 300_000n, SOL: 0n },
      disbursedByAllocation: new Map([[ALLOCATION, 300_000n]]),
    });
    expect(await books.period('2027', '2027-01-01', '2027-12-31', '2027-06-19')).toEqual({
      received: { EUR: 1_120_050n, SOL: 0n },
      disbursed: { EUR: 0n, SOL: 0n },
      disbursedByAllocation: new Map(),
    });
  });

  it('lists every movement by date, the forged one left out', async () => {
    const lines = await books.ledger('2027-01-01', '2027-12-31', { limit: 100 });
    expect(lines.map((l) => [l.date, l.direction, l.counterpart, l.hundredths])).toEqual([
      ['2027-05-02', 'in', 'Fondazione Cariplo', 1_000_000n],
      ['2027-06-10', 'in', 'A. Bianchi', 120_050n],
      ['2027-06-20', 'out', 'velo-solidaire', 300_000n],
    ]);
  });

  it('follows the application, its award and the money received, and rebuilds the same', async () => {
    const read = () => books.applications({ status: 'awarded', limit: 10 });
    const before = await read();
    expect(before).toEqual([
      expect.objectContaining({
        applicationId: APPLICATION,
        status: 'awarded',
        awarded: eur(1_500_000),
        received: eur(1_000_000),
        reportingDueOn: '2028-01-31',
      }),
    ]);
    expect(await books.applications({ status: 'open', limit: 10 })).toEqual([]);
    expect(await books.applications({ reportingDueBefore: '2028-01-01', limit: 10 })).toEqual([]);
    await runner().rebuild(booksProjection.name);
    expect(await read()).toEqual(before);
    expect(await books.ledger('2027-01-01', '2027-12-31', { limit: 100 })).toHaveLength(3);
  });
});
