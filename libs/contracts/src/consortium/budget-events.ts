import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { Theme } from '../coop/vocabulary';

/** Stream: `consortium/budget/<periodId>`: a budget period (usually a year) and its allocations. */
export const BUDGET_AGGREGATE = 'budget';

export type Vote = 'for' | 'against' | 'abstain';

export type BudgetOpened = DomainEvent<
  'BudgetOpened',
  { periodId: string; startsOn: string; endsOn: string; openedBy: string }
>;

export type AllocationProposed = DomainEvent<
  'AllocationProposed',
  {
    periodId: string;
    allocationId: string;
    title: string;
    purpose: string;
    theme: Theme | null;
    beneficiaryCoopId: string | null;
    amount: Money;
    proposedBy: string;
    /** A member coop's admin proposed it, for that coop; absent: a board member did. */
    proposedByCoopId?: string;
  }
>;

export type VoteCast = DomainEvent<
  'VoteCast',
  { periodId: string; allocationId: string; voter: string; vote: Vote }
>;

/** The decision rule settled the allocation (quorum reached and majority one way). */
export type AllocationDecided = DomainEvent<
  'AllocationDecided',
  {
    periodId: string;
    allocationId: string;
    outcome: 'approved' | 'rejected';
    tally: Record<Vote, number>;
    boardSize: number;
  }
>;

/**
 * The year closed with its net result: at least 30% of a profit to the legal reserve (c.c. 2545-
 * quater), 3% to the mutual fund (L. 59/1992 art. 11), the rest as the closing decided. A loss
 * allocates nothing.
 */
export type BudgetClosed = DomainEvent<
  'BudgetClosed',
  {
    periodId: string;
    closedOn: string;
    netResult: Money;
    legalReserve: Money;
    mutualFund: Money;
    /** Absent in closings recorded before dividends were asked: none. */
    dividends?: Money;
    /** The law the closing followed; absent in older closings: the Italian consorzio's. */
    form?: 'consorzio' | 'scic';
    /** `indivisible`: a reserve never distributed; absent in older closings. */
    remainder: { purpose: string; amount: Money; indivisible?: boolean }[];
  }
>;

export type BudgetEvent =
  BudgetOpened | AllocationProposed | VoteCast | AllocationDecided | BudgetClosed;
