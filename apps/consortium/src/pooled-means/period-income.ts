import { CURRENCIES, Currency } from '@libs/contracts';
import { NO_SUMS, Sums, sumOf } from './total-line';

/**
 * Money pooled for a budget period, per currency, from the pooled-means ledger (member coops
 * only), in exact hundredths: what the budgets spend.
 */
export interface PeriodIncome {
  /** Money contributed in the market and non_market pillars: the only income that is cash. */
  money: Record<Currency, Sums>;
  /** Non-monetary contributions valued in money (barter, …): shown apart, never spendable. */
  nonMonetaryValuation: Record<Currency, Sums>;
}

/** One currency's sums of a period, split by whether their pillar is money. */
export interface PeriodIncomeRow {
  unit: Currency;
  non_monetary: boolean;
  pledged: string;
  paid: string;
}

export function periodIncomeOf(rows: PeriodIncomeRow[]): PeriodIncome {
  const perCurrency = (nonMonetary: boolean) =>
    Object.fromEntries(
      CURRENCIES.map((currency) => {
        const row = rows.find((r) => r.unit === currency && r.non_monetary === nonMonetary);
        return [currency, row ? { pledged: sumOf(row.pledged), paid: sumOf(row.paid) } : NO_SUMS];
      }),
    ) as Record<Currency, Sums>;
  return { money: perCurrency(false), nonMonetaryValuation: perCurrency(true) };
}
