import { Money } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { ConsortiumLegalForm, POSTAL_BOND_MAX_RATE, RULE_BOOK, valueOn } from '@libs/rules';

/**
 * The split of a year's net result, by the consortium's own law. Amounts in EUR cents; minimums
 * are rounded up and the dividend cap down, so a split never falls short of the law by a cent.
 *
 * - Italian consorzio: at least 30% of a profit to the legal reserve (c.c. 2545-quater), 3% to the
 *   mutual fund (L. 59/1992 art. 11), dividends within the c.c. 2514 cap, the rest as decided.
 * - French SCIC: at least 15% to the legal reserve (loi 47-1775 art. 16), then at least half of
 *   the rest to statutory reserves (art. 19 nonies): 57.5% of the profit indivisible at the least;
 *   no Italian mutual fund.
 *
 * A loss allocates nothing.
 */
export interface ClosingLaw {
  legalReservePercent: number;
  legalReserveRule: 'legal_reserve_at_least_30pct' | 'scic_legal_reserve_15pct';
  mutualFundPercent: number;
  /** c.c. 2514: dividends capped on the paid-up capital. */
  dividendCap: boolean;
  /** loi 47-1775: at least half of what the legal reserve leaves goes to indivisible reserves. */
  indivisibleHalfOfRest: boolean;
}

export const CLOSING_LAW: Record<ConsortiumLegalForm, ClosingLaw> = {
  consorzio: {
    legalReservePercent: 30,
    legalReserveRule: 'legal_reserve_at_least_30pct',
    mutualFundPercent: 3,
    dividendCap: true,
    indivisibleHalfOfRest: false,
  },
  scic: {
    legalReservePercent: 15,
    legalReserveRule: 'scic_legal_reserve_15pct',
    mutualFundPercent: 0,
    dividendCap: false,
    indivisibleHalfOfRest: true,
  },
};

/** Points the c.c. 2514 cap adds to the postal-bond maximum rate, in basis points. */
export const DIVIDEND_CAP_SPREAD_BP = 250;

export interface ClosingLine {
  purpose: string;
  amount: number;
  /** Goes to a reserve never distributed (statutory reserves of a SCIC). */
  indivisible: boolean;
}

export interface ClosingRequest {
  legalReserve?: number;
  dividends?: number;
  /** The consortium's paid-up capital, the base of the dividend cap (EUR cents). */
  paidUpCapital?: number;
  remainder?: ClosingLine[];
}

export interface ClosingSplit {
  legalReserve: number;
  mutualFund: number;
  dividends: number;
  remainder: ClosingLine[];
}

const DEFAULT_LINE = 'indivisible reserve';

/** The c.c. 2514 cap on the date of the closing: (postal-bond rate + 2.5 points) × paid-up capital. */
export function dividendCap(paidUpCapital: number, closedOn: string): number {
  const rate = BigInt(valueOn(POSTAL_BOND_MAX_RATE, closedOn) + DIVIDEND_CAP_SPREAD_BP);
  return Number((BigInt(paidUpCapital) * rate) / 10_000n);
}

const percentUp = (amount: number, percent: number) => Math.ceil((amount * percent) / 100);

export function closingSplit(
  form: ConsortiumLegalForm,
  netResult: number,
  requested: ClosingRequest,
  closedOn: string,
): ClosingSplit {
  const law = CLOSING_LAW[form];
  if (netResult <= 0) {
    if (
      (requested.remainder ?? []).some((line) => line.amount > 0) ||
      (requested.legalReserve ?? 0) > 0 ||
      (requested.dividends ?? 0) > 0
    ) {
      throw new RuleViolation(
        'loss_allocates_nothing',
        'a year closed without profit allocates nothing',
      );
    }
    return { legalReserve: 0, mutualFund: 0, dividends: 0, remainder: [] };
  }
  const reserveRule = RULE_BOOK[law.legalReserveRule];
  const minimumReserve = percentUp(netResult, law.legalReservePercent);
  const legalReserve = requested.legalReserve ?? minimumReserve;
  if (legalReserve < minimumReserve) {
    throw new RuleViolation(
      law.legalReserveRule,
      `the legal reserve takes at least ${law.legalReservePercent}% of the profit: ${minimumReserve} cents`,
      reserveRule.source,
    );
  }
  const mutualFund = percentUp(netResult, law.mutualFundPercent);
  const dividends = requested.dividends ?? 0;
  if (law.dividendCap) {
    const cap = dividendCap(requested.paidUpCapital ?? 0, closedOn);
    if (dividends > cap) {
      throw new RuleViolation(
        'dividend_above_cap',
        `dividends may not exceed the postal-bond maximum rate plus 2.5 points on the paid-up capital of ${requested.paidUpCapital ?? 0} cents: ${cap} cents on ${closedOn}`,
        RULE_BOOK.dividend_above_cap.source,
      );
    }
  }
  const rest = netResult - legalReserve - mutualFund - dividends;
  if (rest < 0) {
    throw new RuleViolation(
      'closing_within_result',
      'the legal reserve, the mutual fund and the dividends together exceed the profit',
      reserveRule.source,
    );
  }
  const remainder = requested.remainder ?? [
    { purpose: DEFAULT_LINE, amount: rest, indivisible: true },
  ];
  const allocated = remainder.reduce((sum, line) => sum + line.amount, 0);
  if (allocated !== rest) {
    throw new RuleViolation(
      'closing_allocates_whole_result',
      `after the legal reserve, the mutual fund and the dividends, ${rest} cents remain to allocate; the closing allocates ${allocated}`,
    );
  }
  if (law.indivisibleHalfOfRest) {
    const statutory = remainder
      .filter((line) => line.indivisible)
      .reduce((sum, line) => sum + line.amount, 0);
    const minimum = Math.ceil((netResult - legalReserve) / 2);
    if (statutory < minimum) {
      throw new RuleViolation(
        'indivisible_reserves_below_minimum',
        `after the legal reserve, at least half of the profit goes to indivisible statutory reserves (57.5% of the profit in all at the least): ${minimum} cents; the closing puts ${statutory}`,
        RULE_BOOK.indivisible_reserves_below_minimum.source,
      );
    }
  }
  return {
    legalReserve,
    mutualFund,
    dividends,
    remainder: remainder.filter((line) => line.amount > 0),
  };
}

export function eur(hundredths: number): Money {
  return { unit: 'EUR', hundredths };
}
