import { randomUUID } from 'node:crypto';
import {
  consortiumStream,
  DISBURSEMENTS_AGGREGATE,
  RESOURCE_BOOKINGS_AGGREGATE,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import { WebhookEffect, WebhookMemory } from '@libs/webhooks';
import {
  budgetEvents,
  coopEvents,
  on,
  recorded,
  registryEvents,
} from '../../../../tests/consortium/federation-events';
import { coopWebhookEvents } from './coop-webhook-events';

const COOP = 'velo-solidaire';
const OTHER = 'habitat-partage';

function setMemory(): WebhookMemory {
  const marks = new Set<string>();
  return {
    has: (mark) => Promise.resolve(marks.has(mark)),
    add: (mark) => Promise.resolve(void marks.add(mark)),
  };
}

const names = (effects: WebhookEffect[]) =>
  effects.map((effect) => ('send' in effect ? effect.send : `cancel ${effect.cancel}`));

const disbursed = (allocationId: string, payeeCoopId: string | null) =>
  recorded(
    on(consortiumStream(DISBURSEMENTS_AGGREGATE, '2027'), null, 'AllocationDisbursed', {
      periodId: '2027',
      disbursementId: randomUUID(),
      allocationId,
      theme: null,
      amount: { unit: 'EUR', hundredths: 10_000 },
      paidOn: '2027-05-02',
      payeeCoopId,
      payeeName: payeeCoopId ? null : 'Ciclofficina Srl',
      reference: 'F-12',
      paidBy: 'board-1',
    }),
  );

const booked = (ownerCoopId: string, bookingCoopId: string) =>
  recorded(
    on(consortiumStream(RESOURCE_BOOKINGS_AGGREGATE, 'r1'), null, 'ResourceBooked', {
      resourceId: randomUUID(),
      bookingId: randomUUID(),
      ownerCoopId,
      bookingCoopId,
      from: '2027-05-02T08:00:00.000Z',
      to: '2027-05-02T12:00:00.000Z',
    }),
  );

describe('what the store’s events mean to one coop’s webhooks', () => {
  const source = coopWebhookEvents(COOP);
  let memory: WebhookMemory;
  const mapped = (event: RecordedEvent) => source.map(event, memory);
  beforeEach(() => (memory = setMemory()));

  it('given the board’s decisions about this coop, sends them; about another coop, nothing', async () => {
    expect(
      names(await mapped(recorded(registryEvents.coopAdmitted(COOP, 'social_coop_b')))),
    ).toEqual(['coop.admitted']);
    expect(names(await mapped(recorded(registryEvents.withdrawalSettled(COOP))))).toEqual([
      'coop.withdrawn',
    ]);
    expect(await mapped(recorded(registryEvents.coopAdmitted(OTHER, 'scop')))).toEqual([]);
    expect(await mapped(recorded(registryEvents.withdrawalSettled(OTHER)))).toEqual([]);
  });

  it('given a proposal for this coop, remembers the allocation: its decision and payments are sent', async () => {
    const budget = budgetEvents('2027');
    const ours = randomUUID();
    const theirs = randomUUID();
    expect(names(await mapped(recorded(budget.allocationProposed(ours, 50_000, COOP))))).toEqual([
      'allocation.proposed',
    ]);
    expect(await mapped(recorded(budget.allocationProposed(theirs, 50_000, OTHER)))).toEqual([]);
    const decided = (allocationId: string) =>
      recorded(
        on(consortiumStream('budget', '2027'), null, 'AllocationDecided', {
          periodId: '2027',
          allocationId,
          outcome: 'approved',
          tally: { for: 2, against: 0, abstain: 0 },
          boardSize: 3,
        }),
      );
    expect(names(await mapped(decided(ours)))).toEqual(['allocation.decided']);
    expect(await mapped(decided(theirs))).toEqual([]);
    expect(names(await mapped(disbursed(ours, null)))).toEqual(['allocation.disbursed']);
    expect(await mapped(disbursed(theirs, OTHER))).toEqual([]);
  });

  it('given an allocation this coop proposed for another, follows it as its own', async () => {
    const allocationId = randomUUID();
    const proposal = budgetEvents('2027').allocationProposed(allocationId, 50_000, OTHER);
    const data = { ...(proposal.event.data as object), proposedByCoopId: COOP };
    const proposed = recorded({ ...proposal, event: { ...proposal.event, data } });
    expect(names(await mapped(proposed))).toEqual(['allocation.proposed']);
    expect(names(await mapped(disbursed(allocationId, OTHER)))).toEqual(['allocation.disbursed']);
  });

  it('given a payment to this coop on an allocation it did not benefit from by name, sends it', async () => {
    expect(names(await mapped(disbursed(randomUUID(), COOP)))).toEqual(['allocation.disbursed']);
  });

  it('given its own cancelled pledge, sends it; another coop’s, nothing', async () => {
    expect(names(await mapped(recorded(coopEvents(COOP).pledgeCancelled(randomUUID()))))).toEqual([
      'pledge.cancelled',
    ]);
    expect(await mapped(recorded(coopEvents(OTHER).pledgeCancelled(randomUUID())))).toEqual([]);
  });

  it('given bookings, sends those of its resources and those it made', async () => {
    expect(names(await mapped(booked(COOP, OTHER)))).toEqual(['booking.created']);
    expect(names(await mapped(booked(OTHER, COOP)))).toEqual(['booking.created']);
    expect(await mapped(booked(OTHER, 'atelier-bois'))).toEqual([]);
  });

  it('has no source for funding deadlines: the consortium’s funding applications are not a coop’s', () => {
    expect(source.eventTypes).not.toContain('FundingApplied');
  });
});
