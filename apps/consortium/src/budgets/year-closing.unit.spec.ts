import { RuleViolation } from '@libs/aggregates';
import { ClosingRequest, closingSplit, dividendCap } from './year-closing';

const ON = '2027-03-31';
const italian = (net: number, requested: ClosingRequest = {}) =>
  closingSplit('consorzio', net, requested, ON);
const scic = (net: number, requested: ClosingRequest = {}) =>
  closingSplit('scic', net, requested, ON);
const rule = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as RuleViolation).rule;
  }
  return 'none';
};
const line = (purpose: string, amount: number, indivisible = false) => ({
  purpose,
  amount,
  indivisible,
});

describe('closing a year of an Italian consorzio', () => {
  it('gives 30% of a profit to the legal reserve, 3% to the mutual fund, the rest as decided', () => {
    expect(italian(10_000_00)).toEqual({
      legalReserve: 3_000_00,
      mutualFund: 300_00,
      dividends: 0,
      remainder: [line('indivisible reserve', 6_700_00, true)],
    });
    expect(
      italian(10_000_00, {
        legalReserve: 5_000_00,
        remainder: [line('training fund', 4_000_00), line('indivisible reserve', 700_00, true)],
      }).remainder,
    ).toHaveLength(2);
  });

  it('never rounds the legal minimums down', () => {
    const split = italian(1_01);
    expect(split.legalReserve).toBe(31); // 30.3 cents → 31
    expect(split.mutualFund).toBe(4); // 3.03 cents → 4
  });

  it('refuses a reserve under 30%, or a split that does not add up', () => {
    expect(rule(() => italian(10_000_00, { legalReserve: 2_999_99 }))).toBe(
      'legal_reserve_at_least_30pct',
    );
    expect(rule(() => italian(10_000_00, { legalReserve: 3_000_00 }))).toBe('none');
    expect(rule(() => italian(10_000_00, { remainder: [line('x', 1)] }))).toBe(
      'closing_allocates_whole_result',
    );
  });

  it('caps dividends at the postal-bond rate plus 2.5 points on the paid-up capital (c.c. 2514)', () => {
    // Since 2023 the configured rate is 3%: the cap is 5.5% of 100,000 EUR, 5,500 EUR.
    expect(dividendCap(100_000_00, '2023-01-01')).toBe(5_500_00);
    // Before, 2.5%: 5%.
    expect(dividendCap(100_000_00, '2022-12-31')).toBe(5_000_00);
    const within = italian(10_000_00, { dividends: 5_500_00, paidUpCapital: 100_000_00 });
    expect(within).toMatchObject({ dividends: 5_500_00, remainder: [{ amount: 1_200_00 }] });
    expect(rule(() => italian(10_000_00, { dividends: 5_500_01, paidUpCapital: 100_000_00 }))).toBe(
      'dividend_above_cap',
    );
    // A 67% dividend to member coops, whatever the capital it is drawn on.
    expect(rule(() => italian(10_000_00, { dividends: 6_700_00, paidUpCapital: 50_000_00 }))).toBe(
      'dividend_above_cap',
    );
    expect(rule(() => italian(10_000_00, { dividends: 1 }))).toBe('dividend_above_cap');
  });

  it('allocates nothing from a loss', () => {
    expect(italian(-5_000_00)).toEqual({
      legalReserve: 0,
      mutualFund: 0,
      dividends: 0,
      remainder: [],
    });
    expect(rule(() => italian(-5_000_00, { dividends: 1 }))).toBe('loss_allocates_nothing');
  });
});

describe('closing a year of a French SCIC', () => {
  it('gives 15% to the legal reserve and the rest to indivisible reserves by default, no 3% fund', () => {
    expect(scic(10_000_00)).toEqual({
      legalReserve: 1_500_00,
      mutualFund: 0,
      dividends: 0,
      remainder: [line('indivisible reserve', 8_500_00, true)],
    });
    expect(rule(() => scic(10_000_00, { legalReserve: 1_499_99 }))).toBe(
      'scic_legal_reserve_15pct',
    );
  });

  it('keeps at least 57.5% indivisible: half of what the legal reserve leaves to statutory reserves', () => {
    const split = (statutory: number, dividends: number) =>
      rule(() =>
        scic(10_000_00, {
          dividends,
          remainder: [
            line('statutory reserve', statutory, true),
            line('bonus', 8_500_00 - statutory - dividends),
          ],
        }),
      );
    expect(split(4_250_00, 4_250_00)).toBe('none');
    expect(split(4_249_99, 4_250_00)).toBe('indivisible_reserves_below_minimum');
    // A larger legal reserve raises the statutory half's base accordingly.
    expect(
      rule(() =>
        scic(10_000_00, {
          legalReserve: 3_000_00,
          remainder: [line('statutory reserve', 3_500_00, true), line('bonus', 3_500_00)],
        }),
      ),
    ).toBe('none');
  });
});
