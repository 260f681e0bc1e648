import { Money } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';

/**
 * The split of a year's net result. Of a profit: at least 30% to the legal reserve, whatever its
 * size (c.c. art. 2545-quater), 3% to the mutual fund for the promotion of cooperation (L. 59/1992
 * art. 11), the rest as the closing decides. A loss allocates nothing. Amounts in EUR cents;
 * the minimums are rounded up, so the split never falls short of the law by a cent.
 */
export const LEGAL_RESERVE = { percent: 30, source: 'c.c. art. 2545-quater' };
export const MUTUAL_FUND = { percent: 3, source: 'L. 59/1992 art. 11' };

export interface ClosingSplit {
  legalReserve: number;
  mutualFund: number;
  remainder: { purpose: string; amount: number }[];
}

export function closingSplit(
  netResult: number,
  requested: { legalReserve?: number; remainder?: { purpose: string; amount: number }[] },
): ClosingSplit {
  if (netResult <= 0) {
    if (
      (requested.remainder ?? []).some((line) => line.amount > 0) ||
      (requested.legalReserve ?? 0) > 0
    ) {
      throw new RuleViolation(
        'loss_allocates_nothing',
        'a year closed without profit allocates nothing',
      );
    }
    return { legalReserve: 0, mutualFund: 0, remainder: [] };
  }
  const minimumReserve = Math.ceil((netResult * LEGAL_RESERVE.percent) / 100);
  const legalReserve = requested.legalReserve ?? minimumReserve;
  if (legalReserve < minimumReserve) {
    throw new RuleViolation(
      'legal_reserve_at_least_30pct',
      `the legal reserve takes at least 30% of the profit: ${minimumReserve} cents`,
      LEGAL_RESERVE.source,
    );
  }
  const mutualFund = Math.ceil((netResult * MUTUAL_FUND.percent) / 100);
  const rest = netResult - legalReserve - mutualFund;
  if (rest < 0) {
    throw new RuleViolation(
      'closing_within_result',
      'the legal reserve and the mutual fund together exceed the profit',
      LEGAL_RESERVE.source,
    );
  }
  const remainder = requested.remainder ?? [{ purpose: 'indivisible reserve', amount: rest }];
  const allocated = remainder.reduce((sum, line) => sum + line.amount, 0);
  if (allocated !== rest) {
    throw new RuleViolation(
      'closing_allocates_whole_result',
      `after the legal reserve and the mutual fund, ${rest} cents remain to allocate; the closing allocates ${allocated}`,
    );
  }
  return { legalReserve, mutualFund, remainder: remainder.filter((line) => line.amount > 0) };
}

export function eur(hundredths: number): Money {
  return { unit: 'EUR', hundredths };
}
