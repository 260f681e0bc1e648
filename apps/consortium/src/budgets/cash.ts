import { CURRENCIES, Currency } from '@libs/contracts';
import { PeriodBooks } from '../books';
import { PeriodIncome } from '../pooled-means';

/** A period's cash in one currency, in exact hundredths. */
export interface Cash {
  /** Money paid in by member coops (market and non_market pillars) and received by the consortium. */
  received: bigint;
  /** Paid out on approved allocations. */
  disbursed: bigint;
  balance: bigint;
}

/**
 * Only money is cash: EUR and SOL received in the market and non_market pillars, and what the
 * consortium received itself (its books). The money valuation of non-monetary contributions
 * (barter…) is no money in the till, so it is left out.
 */
export function cashOf(income: PeriodIncome, books: PeriodBooks): Record<Currency, Cash> {
  return Object.fromEntries(
    CURRENCIES.map((currency) => {
      const received = income.money[currency].paid + books.received[currency];
      const disbursed = books.disbursed[currency];
      return [currency, { received, disbursed, balance: received - disbursed }];
    }),
  ) as Record<Currency, Cash>;
}

/** The cash balance per currency: what the board may spend before what it has approved. */
export function cashBalances(cash: Record<Currency, Cash>): Record<Currency, bigint> {
  return { EUR: cash.EUR.balance, SOL: cash.SOL.balance };
}
