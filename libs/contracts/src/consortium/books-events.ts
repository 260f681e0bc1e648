import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { Theme } from '../coop/vocabulary';

/** Stream: `consortium/funding-application/<applicationId>`: a call applied to, its decision, the money it brought. */
export const FUNDING_APPLICATION_AGGREGATE = 'funding-application';
/** Stream: `consortium/income/<incomeId>`: money the consortium received that no application brought. */
export const INCOME_AGGREGATE = 'income';
/**
 * Stream: `consortium/disbursements/<periodId>`: what was paid out on a budget period's approved
 * allocations. One stream per period, so that two disbursements drawing on the same cash are
 * decided one after the other (the expected version refuses the second writer, which decides again).
 */
export const DISBURSEMENTS_AGGREGATE = 'disbursements';

export const INCOME_KINDS = [
  'grant',
  'donation',
  'eu_call',
  'public_partnership',
  'sales',
  'other',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const FUNDING_KINDS = ['grant', 'eu_call', 'public_partnership'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export type FundingApplied = DomainEvent<
  'FundingApplied',
  {
    applicationId: string;
    funder: string;
    call: string;
    kind: FundingKind;
    requested: Money;
    deadline: string;
    theme: Theme | null;
    appliedBy: string;
  }
>;

export type FundingDecided = DomainEvent<
  'FundingDecided',
  {
    applicationId: string;
    outcome: 'awarded' | 'refused';
    decidedOn: string;
    /** The amount the funder granted; null when refused. */
    awarded: Money | null;
    reportingDueOn: string | null;
    decidedBy: string;
  }
>;

/** Money the consortium received: the same on an application's stream and on its own. */
export interface MoneyReceived {
  incomeId: string;
  kind: IncomeKind;
  amount: Money;
  receivedOn: string;
  funder: string;
  recordedBy: string;
}

/** Money an awarded application brought in (one part of the award, or all of it). */
export type FundingReceived = DomainEvent<
  'FundingReceived',
  MoneyReceived & { applicationId: string }
>;

/** Money the consortium received itself, tied to no funding application (a donation, sales…). */
export type IncomeReceived = DomainEvent<'IncomeReceived', MoneyReceived>;

/** Money paid out on (part of) an approved allocation, to a member coop or a named supplier. */
export type AllocationDisbursed = DomainEvent<
  'AllocationDisbursed',
  {
    periodId: string;
    disbursementId: string;
    allocationId: string;
    theme: Theme | null;
    amount: Money;
    paidOn: string;
    payeeCoopId: string | null;
    payeeName: string | null;
    reference: string;
    paidBy: string;
  }
>;

export type FundingApplicationEvent = FundingApplied | FundingDecided | FundingReceived;
export type BooksEvent = FundingApplicationEvent | IncomeReceived | AllocationDisbursed;
