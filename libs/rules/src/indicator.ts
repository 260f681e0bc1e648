import { RULE_BOOK } from './rule-book';

/**
 * A rule the law states as a ratio of a population or a least count: an indicator with an alert,
 * not a block (the Italian labour ministry allows time to restore a quota that dips).
 */
export interface Indicator {
  rule: IndicatorRule;
  /** The ratio observed, as a decimal string with 4 places (`"0.3333"`), or the count observed; null when undefined (0/0). */
  value: string | null;
  threshold: string;
  status: 'ok' | 'alert';
  source: string;
}

export type RatioRuleId =
  | 'volunteers_at_most_half'
  | 'disadvantaged_workers_at_least_30pct'
  | 'social_coops_at_least_70pct'
  | 'sol_share_at_most_20pct'
  | 'public_bodies_at_most_half_capital';

export type CountRuleId = 'at_least_three_member_coops' | 'scic_at_least_three_categories';

/** A member coop's request to leave that awaits the board (c.c. 2532: examined within 60 days). */
export type ReviewRuleId = 'withdrawal_review_within_60_days';

export type IndicatorRule = RatioRuleId | CountRuleId | ReviewRuleId;

interface RatioRule {
  rule: RatioRuleId;
  /** Threshold as a fraction numerator / denominator, to compare without floats. */
  threshold: { numerator: number; denominator: number };
  bound: 'at_most' | 'at_least';
  source: string;
}

const ratio = (
  rule: RatioRuleId,
  numerator: number,
  denominator: number,
  bound: RatioRule['bound'],
): RatioRule => ({
  rule,
  threshold: { numerator, denominator },
  bound,
  source: RULE_BOOK[rule].source,
});

export const RATIO_RULES: Record<RatioRuleId, RatioRule> = {
  volunteers_at_most_half: ratio('volunteers_at_most_half', 1, 2, 'at_most'),
  disadvantaged_workers_at_least_30pct: ratio(
    'disadvantaged_workers_at_least_30pct',
    3,
    10,
    'at_least',
  ),
  social_coops_at_least_70pct: ratio('social_coops_at_least_70pct', 7, 10, 'at_least'),
  sol_share_at_most_20pct: ratio('sol_share_at_most_20pct', 1, 5, 'at_most'),
  public_bodies_at_most_half_capital: ratio('public_bodies_at_most_half_capital', 1, 2, 'at_most'),
};

/** The least counts the law asks for. */
export const COUNT_RULES: Record<CountRuleId, number> = {
  at_least_three_member_coops: 3,
  scic_at_least_three_categories: 3,
};

/**
 * The indicator for `part / whole`, compared exactly (cross-multiplied integers, in BigInt: the
 * parts may be sums of money past 2^53 hundredths). An empty population (whole = 0) breaks no
 * ratio: value null, status ok.
 */
export function ratioIndicator(
  rule: RatioRuleId,
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

/** At least `COUNT_RULES[rule]` of something; `met` false fails it whatever the count. */
export function countIndicator(rule: CountRuleId, count: number, met = true): Indicator {
  const minimum = COUNT_RULES[rule];
  return {
    rule,
    value: String(count),
    threshold: String(minimum),
    status: met && count >= minimum ? 'ok' : 'alert',
    source: RULE_BOOK[rule].source,
  };
}

/** part / whole (both ≥ 0, whole > 0) rounded half-up to 4 decimals, computed on integers. */
export function ratioString(part: number | bigint, whole: number | bigint): string {
  const p = BigInt(part);
  const w = BigInt(whole);
  const scaled = (p * 20000n + w) / (2n * w);
  return `${scaled / 10000n}.${String(scaled % 10000n).padStart(4, '0')}`;
}
