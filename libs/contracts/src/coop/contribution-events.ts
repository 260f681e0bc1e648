import { DomainEvent } from '../domain-event';
import { Quantity } from '../quantity';
import { ContributionKind, Pillar, Theme } from './vocabulary';

/** Stream: `coop/<coopId>/contribution/<contributionId>`. */
export const CONTRIBUTION_AGGREGATE = 'contribution';

/**
 * A contribution to the pooled fund. `quantity` is money (EUR or SOL) or time (hours); for
 * non-monetary kinds money is a valuation of the time or goods given.
 */
export type ContributionRecorded = DomainEvent<
  'ContributionRecorded',
  {
    contributionId: string;
    kind: ContributionKind;
    pillar: Pillar;
    quantity: Quantity;
    /** The month it counts for, `YYYY-MM`. */
    period: string;
    theme: Theme;
    source: string | null;
    status: 'pledged' | 'paid';
    recordedOn: string;
  }
>;

export type PledgePaid = DomainEvent<'PledgePaid', { contributionId: string; paidOn: string }>;

/** A pledge the consortium cancels when the coop leaves (never a paid contribution). */
export type PledgeCancelled = DomainEvent<
  'PledgeCancelled',
  { contributionId: string; cancelledOn: string; reason: string }
>;

export type ContributionEvent = ContributionRecorded | PledgePaid | PledgeCancelled;
