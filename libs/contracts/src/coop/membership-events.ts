import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { MemberCategory } from './vocabulary';

/** Stream: `coop/<coopId>/member/<memberId>`. */
export const MEMBER_AGGREGATE = 'member';

/**
 * Personal data sealed with the member's own key (AES-256-GCM), which lives only in the coop's
 * database: destroying the key erases the data everywhere the event went (crypto-shredding).
 */
export interface SealedPersonalData {
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface ShareSubscription {
  count: number;
  /** Nominal value of one share. */
  nominalValue: Money;
}

export type MemberAdmitted = DomainEvent<
  'MemberAdmitted',
  {
    memberId: string;
    category: MemberCategory;
    disadvantaged: boolean;
    admittedOn: string;
    shares: ShareSubscription;
    personalData: SealedPersonalData | null;
  }
>;

export type SharesSubscribed = DomainEvent<
  'SharesSubscribed',
  { memberId: string; subscribedOn: string; shares: ShareSubscription }
>;

export type CapitalPaid = DomainEvent<
  'CapitalPaid',
  { memberId: string; paidOn: string; amount: Money }
>;

export type MemberCategoryChanged = DomainEvent<
  'MemberCategoryChanged',
  { memberId: string; changedOn: string; category: MemberCategory; disadvantaged: boolean }
>;

/** Leaving, by the member's will (withdrawal, c.c. 2532) or the coop's (exclusion, c.c. 2533). */
export interface MemberExit {
  memberId: string;
  /** When the request (or the board's decision) was recorded. */
  requestedOn: string;
  /** When mutual relations end: close of the year with ≥ 3 months' notice, else next year's. */
  effectiveOn: string;
  /**
   * Why, sealed with the member's key like their name (the reason often names people): erasing
   * the member's data makes it unreadable wherever the event went. Opened only to answer the API.
   */
  reason: SealedPersonalData | null;
  /**
   * Only on events recorded before reasons were sealed (schema version 1, upcast): the reason as
   * it was written then, in clear. The store cannot be rewritten, so such a reason outlives the
   * member's erasure in the event itself; readers drop it from every view once the member is
   * erased.
   */
  reasonInClear?: string;
  /** The whole paid-up capital, due 180 days after the approval of the exit year's accounts. */
  reimbursement: { amount: Money; dueOn: string };
}

export type MemberWithdrew = DomainEvent<'MemberWithdrew', MemberExit>;
export type MemberExcluded = DomainEvent<'MemberExcluded', MemberExit>;

export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { memberId: string; erasedOn: string }
>;

export type MembershipEvent =
  | MemberAdmitted
  | SharesSubscribed
  | CapitalPaid
  | MemberCategoryChanged
  | MemberWithdrew
  | MemberExcluded
  | PersonalDataErased;
