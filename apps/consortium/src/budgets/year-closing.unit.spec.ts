import { RuleViolation } from '@libs/aggregates';
import { closingSplit } from './year-closing';

describe('closing a year', () => {
  it('gives 30% of a profit to the legal reserve, 3% to the mutual fund, the rest as decided', () => {
    expect(closingSplit(10_000_00, {})).toEqual({
      legalReserve: 3_000_00,
      mutualFund: 300_00,
      remainder: [{ purpose: 'indivisible reserve', amount: 6_700_00 }],
    });
    expect(
      closingSplit(10_000_00, {
        legalReserve: 5_000_00,
        remainder: [
          { purpose: 'training fund', amount: 4_000_00 },
          { purpose: 'indivisible reserve', amount: 700_00 },
        ],
      }).remainder,
    ).toHaveLength(2);
  });

  it('never rounds the legal minimums down', () => {
    const split = closingSplit(1_01, {});
    expect(split.legalReserve).toBe(31); // 30.3 cents → 31
    expect(split.mutualFund).toBe(4); // 3.03 cents → 4
  });

  it('refuses a reserve under 30%, or a split that does not add up', () => {
    const rule = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as RuleViolation).rule;
      }
      return 'none';
    };
    expect(rule(() => closingSplit(10_000_00, { legalReserve: 2_999_99 }))).toBe(
      'legal_reserve_at_least_30pct',
    );
    expect(rule(() => closingSplit(10_000_00, { remainder: [{ purpose: 'x', amount: 1 }] }))).toBe(
      'closing_allocates_whole_result',
    );
  });

  it('allocates nothing from a loss', () => {
    expect(closingSplit(-5_000_00, {})).toEqual({ legalReserve: 0, mutualFund: 0, remainder: [] });
  });
});
