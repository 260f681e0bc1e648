import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CURRENCIES, Currency } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { NO_SUMS, Sums, sumOf } from '../pooled-means/total-line';

/**
 * Money pooled for a budget period, per currency, read from the pooled-means ledger
 * (`pooled_movements`: member coops only), in exact hundredths.
 */
export interface PeriodIncome {
  /** Money contributed in the market and non_market pillars: the only income that is cash. */
  money: Record<Currency, Sums>;
  /** Non-monetary contributions valued in money (barter, …): shown apart, never spendable. */
  nonMonetaryValuation: Record<Currency, Sums>;
}

@Injectable()
export class PeriodIncomeQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Contributions whose month falls within the period, as recorded up to the end of `asOf`. */
  async income(startsOn: string, endsOn: string, asOf = '9999-12-31'): Promise<PeriodIncome> {
    // The month×pillar lines: a period's months, split by whether their pillar is money.
    const rows: { unit: Currency; non_monetary: boolean; pledged: string; paid: string }[] =
      await this.db.query(
        `SELECT unit, split_part(month_pillar, '/', 2) = 'non_monetary' AS non_monetary,
                sum(pledged) AS pledged, sum(paid) AS paid
           FROM ${qualifiedTable(this.db, 'pooled_movements')}
          WHERE unit IN ('EUR', 'SOL') AND month_pillar IS NOT NULL
            AND split_part(month_pillar, '/', 1) BETWEEN $1 AND $2 AND recorded_on <= $3::date
          GROUP BY 1, 2`,
        [startsOn.slice(0, 7), endsOn.slice(0, 7), asOf],
      );
    const perCurrency = (nonMonetary: boolean) =>
      Object.fromEntries(
        CURRENCIES.map((currency) => {
          const row = rows.find((r) => r.unit === currency && r.non_monetary === nonMonetary);
          return [currency, row ? { pledged: sumOf(row.pledged), paid: sumOf(row.paid) } : NO_SUMS];
        }),
      ) as Record<Currency, Sums>;
    return { money: perCurrency(false), nonMonetaryValuation: perCurrency(true) };
  }
}
