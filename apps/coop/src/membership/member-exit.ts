import { RuleViolation } from '@libs/aggregates';
import { REIMBURSEMENT, reimbursementDueOn } from '@libs/rules';

/**
 * When a member's leaving takes effect and when its capital falls due, by the Codice civile:
 * - withdrawal (art. 2532): mutual relations end at the close of the current year if notice is
 *   given at least three months before it, else at the close of the next year;
 * - exclusion (art. 2533): effective from the decision;
 * - reimbursement (art. 2535): see `reimbursementDueOn`.
 * The financial year is the calendar year.
 */
export interface ExitDates {
  effectiveOn: string;
  reimbursementDueOn: string;
}

const NOTICE_MONTHS = 3;

export function withdrawalDates(requestedOn: string, accountsApprovedOn?: string): ExitDates {
  const year = yearOf(requestedOn);
  const lastDayWithNotice = `${year}-${String(12 - NOTICE_MONTHS).padStart(2, '0')}-30`;
  const exitYear = requestedOn <= lastDayWithNotice ? year : year + 1;
  return exitDates(`${exitYear}-12-31`, exitYear, accountsApprovedOn);
}

export function exclusionDates(decidedOn: string, accountsApprovedOn?: string): ExitDates {
  return exitDates(decidedOn, yearOf(decidedOn), accountsApprovedOn);
}

function exitDates(effectiveOn: string, exitYear: number, accountsApprovedOn?: string): ExitDates {
  // A year's accounts are approved once it has closed: an earlier date is a slip (often the
  // previous year's approval), and would make the capital fall due too soon.
  if (accountsApprovedOn !== undefined && accountsApprovedOn <= `${exitYear}-12-31`) {
    throw new RuleViolation(
      'accounts_approved_after_exit_year',
      `the reimbursement counts from the approval of the ${exitYear} accounts, which comes after ${exitYear}-12-31; accountsApprovedOn is ${accountsApprovedOn}`,
      REIMBURSEMENT.source,
    );
  }
  return { effectiveOn, reimbursementDueOn: reimbursementDueOn(exitYear, accountsApprovedOn) };
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
