import { valueOn } from './dated-parameter';
import { TYPE_B_QUOTA_BASE } from './rule-book';

/**
 * A month's workforce as the coop records it: every worker in force that month, worker members
 * and employees alike, per head (volunteers never count), and how many of them are disadvantaged.
 */
export interface MonthlyWorkforce {
  /** `YYYY-MM` */
  month: string;
  workers: number;
  disadvantaged: number;
}

/** The type-B quota's two terms, summed over the months averaged (so their ratio is the averages'). */
export interface TypeBQuota {
  disadvantaged: number;
  base: number;
  months: number;
}

/** `YYYY-MM` of the month `count` months after `month` (negative: before). */
export function monthsAfter(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The quota as the law counts it: the annual average of the workforce over the twelve months
 * ending with `lastMonth` (the months recorded among them), the base read as the dated parameter
 * says on the last day of that window. The ratio of the sums is the ratio of the averages.
 * Undefined (null) when no month of the window is recorded.
 */
export function typeBQuota(records: MonthlyWorkforce[], lastMonth: string): TypeBQuota | null {
  const first = monthsAfter(lastMonth, -11);
  const window = records.filter((r) => r.month >= first && r.month <= lastMonth);
  if (window.length === 0) return null;
  const reading = valueOn(TYPE_B_QUOTA_BASE, `${lastMonth}-28`);
  let disadvantaged = 0;
  let base = 0;
  for (const record of window) {
    disadvantaged += record.disadvantaged;
    base += reading === 'all_workers' ? record.workers : record.workers - record.disadvantaged;
  }
  return { disadvantaged, base, months: window.length };
}
