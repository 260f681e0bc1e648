/**
 * When capital owed to a leaving member falls due (c.c. art. 2535): on the accounts of the exit
 * year, paid within 180 days of their approval. Accounts are approved within 120 days of the
 * year's close (art. 2364), so unless the actual approval date is known we count from the last
 * day allowed, 30 April of the next year. The financial year is the calendar year.
 */
export const REIMBURSEMENT = { days: 180, source: 'c.c. art. 2535' };

export function reimbursementDueOn(exitYear: number, accountsApprovedOn?: string): string {
  return addDays(accountsApprovedOn ?? `${exitYear + 1}-04-30`, REIMBURSEMENT.days);
}

/** What is owed back: the capital paid, less the leaver's share of a loss, never below nothing. */
export function owedBack(capitalPaid: number, lossShare: number): number {
  return Math.max(0, capitalPaid - lossShare);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
