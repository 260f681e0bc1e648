import { Indicator } from './indicator';
import { RULE_BOOK } from './rule-book';

/**
 * A member leaving a coop (or a coop leaving the consortium), c.c. art. 2532: the board examines
 * the request within 60 days; the mutual relations end at the close of the year when the notice
 * was given at least three months before it, else at the close of the next year. The financial
 * year is the calendar year.
 */
export const WITHDRAWAL = { noticeMonths: 3, reviewDays: 60, source: 'c.c. art. 2532' };

/**
 * The year at whose close the member leaves. Three months before 31 December is 30 September:
 * notice given on or before it leaves that year.
 */
export function exitYear(noticeGivenOn: string): number {
  const year = Number(noticeGivenOn.slice(0, 4));
  return noticeGivenOn.slice(5) <= '09-30' ? year : year + 1;
}

/** The last day of membership: the close of the exit year. */
export function leavesOn(noticeGivenOn: string): string {
  return `${exitYear(noticeGivenOn)}-12-31`;
}

/**
 * A request the board has not decided yet: an alert all along, its value the days since the
 * notice, to be examined within 60 (c.c. 2532).
 */
export function withdrawalReviewIndicator(requestedOn: string, today: string): Indicator {
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${requestedOn}T00:00:00Z`)) / 86_400_000,
  );
  return {
    rule: 'withdrawal_review_within_60_days',
    value: String(days),
    threshold: String(WITHDRAWAL.reviewDays),
    status: 'alert',
    source: RULE_BOOK.withdrawal_notice.source,
  };
}
