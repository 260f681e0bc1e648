import {
  AllocationDecided,
  AllocationDisbursed,
  AllocationProposed,
  CoopAdmitted,
  DomainEvent,
  CoopWithdrawalSettled,
  ConsortiumWithdrawalRequested,
  formatHundredths,
  FundingApplied,
  Money,
  ParticipantsEnrolled,
  PledgeCancelled,
  ResourceBooked,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import { WebhookEffect } from './webhook-event-source';

/** The payload of an event of type E (the mapping chose it by its type). */
export function dataOf<E extends DomainEvent>(event: RecordedEvent): E['data'] {
  return event.data as E['data'];
}

/** Money as the API writes it: an exact decimal string and its currency. */
const amount = (money: Money) => ({
  amount: formatHundredths(money.hundredths),
  currency: money.unit,
});

/**
 * The `data` of each webhook event, from the federation's events (`@libs/contracts`): the same on
 * both apps. Ids, amounts and days only: no free text a coop or the board wrote (a reason, a note,
 * a supplier's name), which may name a person.
 */
export const webhookPayloads = {
  coopAdmitted: (event: RecordedEvent) => {
    const data = dataOf<CoopAdmitted>(event);
    return {
      coopId: data.coopId,
      legalForm: data.legalForm,
      admittedOn: data.admittedOn,
    };
  },
  coopWithdrawn: (event: RecordedEvent) => {
    const data = dataOf<CoopWithdrawalSettled>(event);
    return {
      coopId: data.coopId,
      settledOn: data.settledOn,
      capitalOwed: amount(data.capitalOwed),
      dueOn: data.dueOn,
    };
  },
  allocationProposed: (event: RecordedEvent) => {
    const data = dataOf<AllocationProposed>(event);
    return {
      periodId: data.periodId,
      allocationId: data.allocationId,
      title: data.title,
      theme: data.theme,
      beneficiaryCoopId: data.beneficiaryCoopId,
      amount: amount(data.amount),
    };
  },
  allocationDecided: (event: RecordedEvent) => {
    const data = dataOf<AllocationDecided>(event);
    return {
      periodId: data.periodId,
      allocationId: data.allocationId,
      outcome: data.outcome,
    };
  },
  allocationDisbursed: (event: RecordedEvent) => {
    const data = dataOf<AllocationDisbursed>(event);
    return {
      periodId: data.periodId,
      allocationId: data.allocationId,
      disbursementId: data.disbursementId,
      amount: amount(data.amount),
      paidOn: data.paidOn,
      payeeCoopId: data.payeeCoopId,
    };
  },
  /** The board admitted a coop despite a refused rule: that rule is in alert from then on. */
  admittedDespiteRule: (event: RecordedEvent) => {
    const data = dataOf<CoopAdmitted>(event);
    return {
      rule: data.override?.rule,
      coopId: data.coopId,
      since: data.admittedOn,
    };
  },
  /** A coop gave notice: the board's 60-day review (c.c. 2532) is an alert until it settles. */
  withdrawalToReview: (event: RecordedEvent) => {
    const data = dataOf<ConsortiumWithdrawalRequested>(event);
    return {
      rule: 'withdrawal_review_within_60_days',
      coopId: data.coopId,
      since: data.requestedOn,
    };
  },
  pledgeCancelled: (event: RecordedEvent) => {
    const data = dataOf<PledgeCancelled>(event);
    const { metadata } = event;
    return {
      coopId: metadata.coopId,
      contributionId: data.contributionId,
      cancelledOn: data.cancelledOn,
    };
  },
  fundingDeadlineSoon: (event: RecordedEvent) => {
    const data = dataOf<FundingApplied>(event);
    return {
      applicationId: data.applicationId,
      funder: data.funder,
      call: data.call,
      deadline: data.deadline,
    };
  },
  trainingEnrolled: (event: RecordedEvent) => {
    const data = dataOf<ParticipantsEnrolled>(event);
    return {
      trainingId: data.trainingId,
      enrolmentId: data.enrolmentId,
      providerCoopId: data.providerCoopId,
      enrollingCoopId: data.enrollingCoopId,
      participants: data.participants,
    };
  },
  bookingCreated: (event: RecordedEvent) => {
    const data = dataOf<ResourceBooked>(event);
    return {
      resourceId: data.resourceId,
      bookingId: data.bookingId,
      ownerCoopId: data.ownerCoopId,
      bookingCoopId: data.bookingCoopId,
      from: data.from,
      to: data.to,
    };
  },
};

/** A coop admitted, and the rule in alert when the board admitted it despite that rule. */
export function admissionEffects(event: RecordedEvent): WebhookEffect[] {
  return [
    { send: 'coop.admitted', data: webhookPayloads.coopAdmitted(event) },
    ...(dataOf<CoopAdmitted>(event).override
      ? [{ send: 'compliance.alert' as const, data: webhookPayloads.admittedDespiteRule(event) }]
      : []),
  ];
}
