/**
 * When a member's leaving takes effect and when its capital falls due, by the Codice civile:
 * - withdrawal (art. 2532): mutual relations end at the close of the current year if notice is
 *   given at least three months before it, else at the close of the next year;
 * - exclusion (art. 2533): effective from the decision;
 * - reimbursement (art. 2535): on the accounts of the exit year, paid within 180 days of their
 *   approval. Accounts are approved within 120 days of the year's close (art. 2364), so unless the
 *   actual approval date is given, we count from the last day allowed: 30 April of the next year.
 * The financial year is the calendar year.
 */
export interface ExitDates {
  effectiveOn: string;
  reimbursementDueOn: string;
}

const NOTICE_MONTHS = 3;
const REIMBURSEMENT_DAYS = 180;

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
  const approval = accountsApprovedOn ?? `${exitYear + 1}-04-30`;
  return { effectiveOn, reimbursementDueOn: addDays(approval, REIMBURSEMENT_DAYS) };
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
