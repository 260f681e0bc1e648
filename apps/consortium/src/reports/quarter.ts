/** A calendar quarter as the reports name it: `2027-Q1` (January to March 2027). */
export const QUARTER_PATTERN = '^[0-9]{4}-Q[1-4]$';

const QUARTER = new RegExp(QUARTER_PATTERN);

export interface Quarter {
  id: string;
  /** Its three months, `YYYY-MM`, in order. */
  months: [string, string, string];
  firstDay: string;
  lastDay: string;
}

export function isQuarter(value: unknown): value is string {
  return typeof value === 'string' && QUARTER.test(value);
}

/** The quarter's months and days; `id` must be a quarter (`isQuarter`). */
export function quarterOf(id: string): Quarter {
  const [year, q] = [id.slice(0, 4), Number(id.slice(6))];
  const months = [0, 1, 2].map((i) => `${year}-${String(3 * (q - 1) + i + 1).padStart(2, '0')}`);
  // The day before the next quarter's first: 31 March, 30 June, 30 September, 31 December.
  const next = new Date(Date.UTC(Number(year), 3 * q, 1));
  next.setUTCDate(0);
  return {
    id,
    months: months as Quarter['months'],
    firstDay: `${months[0]}-01`,
    lastDay: next.toISOString().slice(0, 10),
  };
}
