import { randomUUID } from 'node:crypto';
import { consortiumStream, FUNDING_APPLICATION_AGGREGATE } from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import { WebhookMemory } from '@libs/webhooks';
import {
  budgetEvents,
  coopEvents,
  on,
  recorded,
  registryEvents,
} from '../../../../tests/consortium/federation-events';
import { consortiumWebhookEvents, deadlineNoticeDays } from './consortium-webhook-events';

const noMemory: WebhookMemory = { has: () => Promise.resolve(false), add: () => Promise.resolve() };
const source = consortiumWebhookEvents(14);
const mapped = (event: RecordedEvent) => source.map(event, noMemory);

const application = (applicationId: string, deadline: string, at: string) =>
  recorded(
    on(
      consortiumStream(FUNDING_APPLICATION_AGGREGATE, applicationId),
      null,
      'FundingApplied',
      {
        applicationId,
        funder: 'Fondazione del Monte',
        call: 'Bando welfare 2027',
        kind: 'grant',
        requested: { unit: 'EUR', hundredths: 5_000_000 },
        deadline,
        theme: null,
        appliedBy: 'board-1',
      },
      new Date(at),
    ),
  );

describe('what the consortium’s events mean to its webhooks', () => {
  it('given an admission, sends coop.admitted; given one despite a refused rule, a compliance alert too', async () => {
    expect(
      await mapped(recorded(registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b'))),
    ).toEqual([
      {
        send: 'coop.admitted',
        data: { coopId: 'velo-solidaire', legalForm: 'social_coop_b', admittedOn: '2027-02-01' },
      },
    ]);
    const override = { rule: 'social_coops_at_least_70pct', reason: 'pilot year', by: 'board-1' };
    expect(
      await mapped(recorded(registryEvents.coopAdmitted('habitat-partage', 'scop', override))),
    ).toContainEqual({
      send: 'compliance.alert',
      data: { rule: 'social_coops_at_least_70pct', coopId: 'habitat-partage', since: '2027-02-01' },
    });
  });

  it('given a settled withdrawal, sends coop.withdrawn with what is owed, as the API writes money', async () => {
    expect(await mapped(recorded(registryEvents.withdrawalSettled('velo-solidaire')))).toEqual([
      {
        send: 'coop.withdrawn',
        data: {
          coopId: 'velo-solidaire',
          settledOn: '2027-07-01',
          capitalOwed: { amount: '0.00', currency: 'EUR' },
          dueOn: '2028-10-27',
        },
      },
    ]);
  });

  it('given a proposal, sends allocation.proposed; events that mean nothing to subscribers send nothing', async () => {
    const budget = budgetEvents('2027');
    const allocationId = randomUUID();
    expect(await mapped(recorded(budget.allocationProposed(allocationId, 90_000)))).toMatchObject([
      {
        send: 'allocation.proposed',
        data: { allocationId, amount: { amount: '900.00', currency: 'EUR' } },
      },
    ]);
    expect(await mapped(recorded(budget.voteCast(allocationId, 'board-1', 'for')))).toEqual([]);
    expect(await mapped(recorded(budget.opened()))).toEqual([]);
  });

  it('given a pledge a coop cancelled, sends pledge.cancelled without its reason', async () => {
    const contributionId = randomUUID();
    const [effect] = await mapped(
      recorded(coopEvents('velo-solidaire').pledgeCancelled(contributionId)),
    );
    expect(effect).toEqual({
      send: 'pledge.cancelled',
      data: { coopId: 'velo-solidaire', contributionId, cancelledOn: expect.any(String) },
    });
  });

  it('given a funding application, schedules funding.deadline_soon 14 days before its deadline, cancelled by the decision', async () => {
    const applicationId = randomUUID();
    expect(await mapped(application(applicationId, '2027-06-30', '2027-03-01T10:00:00Z'))).toEqual([
      {
        send: 'funding.deadline_soon',
        data: {
          applicationId,
          funder: 'Fondazione del Monte',
          call: 'Bando welfare 2027',
          deadline: '2027-06-30',
        },
        sendAt: new Date('2027-06-16T00:00:00Z'),
        subject: `funding-application/${applicationId}`,
      },
    ]);
    const decided = recorded(
      on(consortiumStream(FUNDING_APPLICATION_AGGREGATE, applicationId), null, 'FundingDecided', {
        applicationId,
        outcome: 'refused',
        decidedOn: '2027-05-02',
        awarded: null,
        reportingDueOn: null,
        decidedBy: 'board-1',
      }),
    );
    expect(await mapped(decided)).toEqual([{ cancel: `funding-application/${applicationId}` }]);
  });

  it('given an application recorded after its deadline, sends no reminder', async () => {
    expect(await mapped(application(randomUUID(), '2027-02-28', '2027-03-01T10:00:00Z'))).toEqual(
      [],
    );
  });

  it('reads the notice from WEBHOOK_DEADLINE_NOTICE_DAYS, 14 days by default', () => {
    expect(deadlineNoticeDays({})).toBe(14);
    expect(deadlineNoticeDays({ WEBHOOK_DEADLINE_NOTICE_DAYS: '30' })).toBe(30);
    expect(() => deadlineNoticeDays({ WEBHOOK_DEADLINE_NOTICE_DAYS: 'soon' })).toThrow(
      /whole number/,
    );
  });

  it('reads only the event types it maps', () => {
    expect(source.eventTypes.sort()).toEqual(
      [
        'AllocationDecided',
        'AllocationDisbursed',
        'AllocationProposed',
        'ConsortiumWithdrawalRequested',
        'CoopAdmitted',
        'CoopWithdrawalSettled',
        'FundingApplied',
        'FundingDecided',
        'ParticipantsEnrolled',
        'PledgeCancelled',
        'ResourceBooked',
      ].sort(),
    );
  });
});
