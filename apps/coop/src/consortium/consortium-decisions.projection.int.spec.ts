import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import {
  BUDGET_AGGREGATE,
  consortiumStream,
  DISBURSEMENTS_AGGREGATE,
  REGISTRY_AGGREGATE,
  REGISTRY_ID,
} from '@libs/contracts';
import { ProjectionRunner } from '@libs/projections';
import { appendAll, on, StreamEvent } from '../../../../tests/consortium/federation-events';
import { openTestbed, Testbed } from '../../../../tests/projections/testbed';
import { ConsortiumDecisions1765600000001 } from './migrations/1765600000001-consortium-decisions';
import { ConsortiumAllocationRow } from './consortium-allocation.entity';
import {
  consortiumAllocationsProjection,
  consortiumStandingProjection,
} from './consortium-decisions.projection';
import { ConsortiumStandingRow } from './consortium-standing.entity';

const VELO = 'velo-solidaire';
const OTHER = 'habitat-partage';
const REGISTRY = consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID);
const BUDGET = consortiumStream(BUDGET_AGGREGATE, '2027');
const PAYMENTS = consortiumStream(DISBURSEMENTS_AGGREGATE, '2027');
const eur = (hundredths: number) => ({ unit: 'EUR', hundredths });
const quiet: LoggerService = { log() {}, warn() {}, error() {} };

const admitted = (coopId: string) =>
  on(REGISTRY, coopId, 'CoopAdmitted', {
    coopId,
    legalForm: 'social_coop_b',
    admittedOn: '2027-02-01',
    override: null,
    bundleKey: null,
  });
const proposed = (coopId: string, allocationId: string, hundredths: number) =>
  on(BUDGET, coopId, 'AllocationProposed', {
    periodId: '2027',
    allocationId,
    title: `for ${coopId}`,
    purpose: 'tools',
    theme: null,
    beneficiaryCoopId: coopId,
    amount: eur(hundredths),
    proposedBy: 'board-1',
  });
const approved = (coopId: string, allocationId: string) =>
  on(BUDGET, coopId, 'AllocationDecided', {
    periodId: '2027',
    allocationId,
    outcome: 'approved',
    tally: { for: 2, against: 0, abstain: 0 },
    boardSize: 3,
  });
/** A payment, stamped with the coop paid (as the consortium stamps it). */
const paid = (stampedFor: string, allocationId: string, hundredths: number) =>
  on(PAYMENTS, stampedFor, 'AllocationDisbursed', {
    periodId: '2027',
    disbursementId: randomUUID(),
    allocationId,
    theme: null,
    amount: eur(hundredths),
    paidOn: '2027-03-01',
    payeeCoopId: stampedFor,
    payeeName: null,
    reference: 'INV',
    paidBy: 'board-1',
  });

describe("the coop app's view of the consortium's decisions about its coop", () => {
  let bed: Testbed;
  const runner = () =>
    new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [consortiumStandingProjection(VELO), consortiumAllocationsProjection(VELO)],
      batchSize: 2,
      logger: quiet,
    });
  const allocations = () => bed.dataSource.getRepository(ConsortiumAllocationRow).find();

  beforeAll(async () => {
    bed = await openTestbed(
      [ConsortiumStandingRow, ConsortiumAllocationRow],
      [ConsortiumDecisions1765600000001],
    );
  });

  afterAll(async () => {
    await bed?.dispose();
  });

  it('reads only the events about its coop, and after a restart applies each payment once', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const history: StreamEvent[] = [
      admitted(OTHER),
      admitted(VELO),
      proposed(VELO, mine, 1200_00),
      proposed(OTHER, theirs, 900_00),
      approved(VELO, mine),
      approved(OTHER, theirs),
      paid(VELO, mine, 300_00),
      paid(OTHER, theirs, 500_00),
      // Paid to this coop on another coop's allocation: not an allocation to this coop.
      paid(VELO, theirs, 50_00),
    ];
    await appendAll(bed.store, history);
    const first = runner();
    await first.start();
    await first.waitUntilCaughtUp(10_000);
    await first.stop();
    expect(await allocations()).toEqual([
      expect.objectContaining({ allocationId: mine, status: 'approved', disbursed: 300_00 }),
    ]);

    // The app restarts: it goes on from its checkpoints.
    await appendAll(bed.store, [paid(VELO, mine, 150_25), paid(OTHER, theirs, 1_00)]);
    const second = runner();
    await second.start();
    await second.waitUntilCaughtUp(10_000);
    await second.stop();
    expect(await allocations()).toEqual([
      expect.objectContaining({ allocationId: mine, amount: 1200_00, disbursed: 450_25 }),
    ]);
    expect(await bed.dataSource.getRepository(ConsortiumStandingRow).find()).toEqual([
      expect.objectContaining({ coopId: VELO, admittedOn: '2027-02-01', settledOn: null }),
    ]);
  });
});
