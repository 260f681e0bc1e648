/**
 * A rule the law states as a ratio of a population: an indicator with an alert, not a block (the
 * Italian labour ministry allows time to restore a quota that dips).
 */
export interface Indicator {
  rule: IndicatorRule;
  /** The ratio observed, as a decimal string with 4 places (`"0.3333"`); null when undefined (0/0). */
  value: string | null;
  threshold: string;
  status: 'ok' | 'alert';
  source: string;
}

export type IndicatorRule =
  | 'volunteers_at_most_half'
  | 'disadvantaged_workers_at_least_30pct'
  | 'social_coops_at_least_70pct'
  | 'sol_share_at_most_20pct';

interface RatioRule {
  rule: IndicatorRule;
  /** Threshold as a fraction numerator / denominator, to compare without floats. */
  threshold: { numerator: number; denominator: number };
  bound: 'at_most' | 'at_least';
  source: string;
}

export const RATIO_RULES: Record<IndicatorRule, RatioRule> = {
  volunteers_at_most_half: {
    rule: 'volunteers_at_most_half',
    threshold: { numerator: 1, denominator: 2 },
    bound: 'at_most',
    source: 'L. 381/1991 art. 2',
  },
  disadvantaged_workers_at_least_30pct: {
    rule: 'disadvantaged_workers_at_least_30pct',
    threshold: { numerator: 3, denominator: 10 },
    bound: 'at_least',
    source: 'L. 381/1991 art. 4',
  },
  social_coops_at_least_70pct: {
    rule: 'social_coops_at_least_70pct',
    threshold: { numerator: 7, denominator: 10 },
    bound: 'at_least',
    source: 'L. 381/1991 art. 8',
  },
  sol_share_at_most_20pct: {
    rule: 'sol_share_at_most_20pct',
    threshold: { numerator: 1, denominator: 5 },
    bound: 'at_most',
    source: 'the consortium’s funding charter (complementary currency up to 20%)',
  },
};

/**
 * The indicator for `part / whole`, compared exactly (cross-multiplied integers, in BigInt: the
 * parts may be sums of money past 2^53 hundredths). An empty population (whole = 0) breaks no
 * ratio: value null, status ok.
 */
export function ratioIndicator(
  rule: IndicatorRule,
  part: number | bigint,
  whole: number | bigint,
): Indicator {
  const { threshold, bound, source } = RATIO_RULES[rule];
  const base = { rule, threshold: ratioString(threshold.numerator, threshold.denominator), source };
  if (BigInt(whole) === 0n) return { ...base, value: null, status: 'ok' };
  const lhs = BigInt(part) * BigInt(threshold.denominator);
  const rhs = BigInt(threshold.numerator) * BigInt(whole);
  const ok = bound === 'at_most' ? lhs <= rhs : lhs >= rhs;
  return { ...base, value: ratioString(part, whole), status: ok ? 'ok' : 'alert' };
}

/** part / whole (both ≥ 0, whole > 0) rounded half-up to 4 decimals, computed on integers. */
export function ratioString(part: number | bigint, whole: number | bigint): string {
  const p = BigInt(part);
  const w = BigInt(whole);
  const scaled = (p * 20000n + w) / (2n * w);
  return `${scaled / 10000n}.${String(scaled % 10000n).padStart(4, '0')}`;
}
