import {
  AllocationDecided,
  AllocationDisbursed,
  AllocationProposed,
  CoopAdmitted,
  CoopWithdrawalSettled,
} from '@libs/contracts';
import { ConsortiumAllocationRow } from './consortium-allocation.entity';
import { ConsortiumStandingRow } from './consortium-standing.entity';

/** The consortium's events about this coop's membership. */
export type StandingEvent = CoopAdmitted | CoopWithdrawalSettled;
/** The consortium's events about allocations of pooled money to this coop. */
export type AllocationEvent = AllocationProposed | AllocationDecided | AllocationDisbursed;

export const STANDING_EVENT_TYPES: StandingEvent['type'][] = [
  'CoopAdmitted',
  'CoopWithdrawalSettled',
];
export const ALLOCATION_EVENT_TYPES: AllocationEvent['type'][] = [
  'AllocationProposed',
  'AllocationDecided',
  'AllocationDisbursed',
];

/** The coop's standing after one of the board's decisions about it. */
export function evolveStanding(
  row: ConsortiumStandingRow | undefined,
  event: StandingEvent,
): ConsortiumStandingRow {
  const before = row ?? {
    coopId: event.data.coopId,
    admittedOn: null,
    settledOn: null,
    capitalOwed: null,
    lossDeducted: null,
    dueOn: null,
    exitYear: null,
  };
  switch (event.type) {
    case 'CoopAdmitted':
      return { ...before, admittedOn: event.data.admittedOn };
    case 'CoopWithdrawalSettled':
      return {
        ...before,
        settledOn: event.data.settledOn,
        capitalOwed: event.data.capitalOwed.hundredths,
        lossDeducted: event.data.lossDeducted?.hundredths ?? 0,
        dueOn: event.data.dueOn,
        exitYear: event.data.exitYear ?? null,
      };
  }
}

/**
 * An allocation to this coop after the board's proposal, decision or payment on it; null: none
 * of this coop's (a payment to it on another coop's allocation, a proposal for another coop).
 */
export function evolveAllocation(
  row: ConsortiumAllocationRow | undefined,
  event: AllocationEvent,
  coopId: string,
  position: number,
): ConsortiumAllocationRow | null {
  switch (event.type) {
    case 'AllocationProposed':
      if (event.data.beneficiaryCoopId !== coopId) return row ?? null;
      return {
        allocationId: event.data.allocationId,
        periodId: event.data.periodId,
        title: event.data.title,
        currency: event.data.amount.unit,
        amount: event.data.amount.hundredths,
        status: 'proposed',
        disbursed: 0,
        proposedAt: position,
      };
    case 'AllocationDecided':
      return row ? { ...row, status: event.data.outcome } : null;
    case 'AllocationDisbursed':
      return row ? { ...row, disbursed: row.disbursed + event.data.amount.hundredths } : null;
  }
}
