import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Currency } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';

/** Money pooled for a budget period, read from the pooled-means ledger (`pooled_movements`). */
export interface PeriodIncome {
  /** Outstanding pledges and money received, per currency, in cents. */
  pledged: Record<Currency, number>;
  paid: Record<Currency, number>;
}

@Injectable()
export class PeriodIncomeQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Contributions whose month falls within the period, as recorded up to now. */
  async income(startsOn: string, endsOn: string): Promise<PeriodIncome> {
    const rows: { unit: Currency; pledged: string; paid: string }[] = await this.db.query(
      `SELECT unit, coalesce(sum(pledged), 0) AS pledged, coalesce(sum(paid), 0) AS paid
         FROM ${qualifiedTable(this.db, 'pooled_movements')}
        WHERE unit IN ('EUR', 'SOL') AND month BETWEEN $1 AND $2
        GROUP BY unit`,
      [startsOn.slice(0, 7), endsOn.slice(0, 7)],
    );
    const income: PeriodIncome = { pledged: { EUR: 0, SOL: 0 }, paid: { EUR: 0, SOL: 0 } };
    for (const row of rows) {
      income.pledged[row.unit] = Number(row.pledged);
      income.paid[row.unit] = Number(row.paid);
    }
    return income;
  }
}
