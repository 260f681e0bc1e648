import { FundingApplied, FundingDecided } from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import {
  admissionEffects,
  dataOf,
  sendAs,
  WebhookEventSource,
  webhookEventSource,
  webhookPayloads as payload,
} from '@libs/webhooks';

const DAY_MS = 86_400_000;

/**
 * What the consortium's events mean to its webhooks (the board's receivers), for every coop. Two
 * are derived. `compliance.alert`: the events that put a rule in alert by themselves, an admission
 * the board made despite a refused rule and a coop's notice (the board's 60-day review); the rules
 * computed over the whole federation (70% social coops, the SOL share, the type-B quota) are not
 * sent: no single event raises them. `funding.deadline_soon`: sent `noticeDays` before a funding
 * application's deadline (at once when that is already past); not when the deadline was over by
 * the time of the application, and no more once the funder decided.
 */
export function consortiumWebhookEvents(noticeDays: number): WebhookEventSource {
  return webhookEventSource({
    CoopAdmitted: admissionEffects,
    CoopWithdrawalSettled: sendAs('coop.withdrawn', payload.coopWithdrawn),
    ConsortiumWithdrawalRequested: sendAs('compliance.alert', payload.withdrawalToReview),
    AllocationProposed: sendAs('allocation.proposed', payload.allocationProposed),
    AllocationDecided: sendAs('allocation.decided', payload.allocationDecided),
    AllocationDisbursed: sendAs('allocation.disbursed', payload.allocationDisbursed),
    PledgeCancelled: sendAs('pledge.cancelled', payload.pledgeCancelled),
    FundingApplied: (event: RecordedEvent) => {
      const { applicationId, deadline } = dataOf<FundingApplied>(event);
      const deadlineAt = Date.parse(`${deadline}T00:00:00Z`);
      if (deadlineAt + DAY_MS <= event.occurredAt.getTime()) return [];
      return [
        {
          send: 'funding.deadline_soon',
          data: payload.fundingDeadlineSoon(event),
          sendAt: new Date(deadlineAt - noticeDays * DAY_MS),
          subject: fundingSubject(applicationId),
        },
      ];
    },
    FundingDecided: (event) => [
      { cancel: fundingSubject(dataOf<FundingDecided>(event).applicationId) },
    ],
    ParticipantsEnrolled: sendAs('training.enrolled', payload.trainingEnrolled),
    ResourceBooked: sendAs('booking.created', payload.bookingCreated),
  });
}

function fundingSubject(applicationId: string): string {
  return `funding-application/${applicationId}`;
}

/** `WEBHOOK_DEADLINE_NOTICE_DAYS`: how long before a funding deadline the reminder goes (default 14). */
export function deadlineNoticeDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.WEBHOOK_DEADLINE_NOTICE_DAYS ?? 14);
  if (!Number.isSafeInteger(days) || days < 0)
    throw new Error('WEBHOOK_DEADLINE_NOTICE_DAYS must be a whole number of days');
  return days;
}
