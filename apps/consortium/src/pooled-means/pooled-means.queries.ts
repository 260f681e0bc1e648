import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Unit } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { today } from '@libs/api-conventions';
import { Indicator } from '@libs/rules';
import { PeriodIncome, periodIncomeOf, PeriodIncomeRow } from './period-income';
import { NotCountedReason, PooledDimension } from './pooled-ledger';
import {
  GroupedLine,
  NotCountedSum,
  PooledMeansView,
  pooledMeansView,
  PooledSum,
  solShareIndicator,
} from './pooled-means.view';
import { Sums, sumOf, TotalLine, unitLines } from './total-line';

interface SumRow {
  unit: Unit;
  pillar: string | null;
  kind: string | null;
  theme: string | null;
  coop_id: string | null;
  month: string | null;
  month_pillar: string | null;
  pledged: string;
  paid: string;
}

interface AsideRow {
  coop_id: string;
  reason: NotCountedReason;
  unit: Unit;
  pledged: string;
  paid: string;
}

/**
 * Reads of the pooled-means ledger (see the migrations for its shape: one dimension per line;
 * `numeric` sums, read as BigInt). The ledger holds only members' movements; the others are in
 * `pooled_not_counted`, read only to show them apart.
 */
@Injectable()
export class PooledMeansQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private movements(): string {
    return qualifiedTable(this.db, 'pooled_movements');
  }

  /**
   * Contributions whose month falls within a budget period, as recorded up to the end of `asOf`.
   */
  async periodIncome(startsOn: string, endsOn: string, asOf = '9999-12-31'): Promise<PeriodIncome> {
    // The month×pillar lines: a period's months, split by whether their pillar is money.
    const rows: PeriodIncomeRow[] = await this.db.query(
      `SELECT unit, split_part(month_pillar, '/', 2) = 'non_monetary' AS non_monetary,
              sum(pledged) AS pledged, sum(paid) AS paid
         FROM ${this.movements()}
        WHERE unit IN ('EUR', 'SOL') AND month_pillar IS NOT NULL
          AND split_part(month_pillar, '/', 1) BETWEEN $1 AND $2 AND recorded_on <= $3::date
        GROUP BY 1, 2`,
      [startsOn.slice(0, 7), endsOn.slice(0, 7), asOf],
    );
    return periodIncomeOf(rows);
  }

  /** Everything pooled as the board could have seen it at the end of `day`: the lines up to it. */
  async asOf(day: string): Promise<PooledMeansView> {
    const [rows, aside]: [SumRow[], AsideRow[]] = await Promise.all([
      this.db.query(
        `SELECT unit, pillar, kind, theme, coop_id, month, month_pillar,
                sum(pledged) AS pledged, sum(paid) AS paid
           FROM ${this.movements()}
          WHERE recorded_on <= $1::date
          GROUP BY unit, pillar, kind, theme, coop_id, month, month_pillar`,
        [day],
      ),
      this.db.query(
        `SELECT coop_id, reason, unit, sum(pledged) AS pledged, sum(paid) AS paid
           FROM ${qualifiedTable(this.db, 'pooled_not_counted')}
          WHERE recorded_on <= $1::date
          GROUP BY coop_id, reason, unit`,
        [day],
      ),
    ]);
    return pooledMeansView(day, rows.map(toSum), aside.map(toAsideSum));
  }

  /** Each coop's contributions to date, one line per unit. */
  async toDateByCoop(coopIds: string[]): Promise<Map<string, TotalLine[]>> {
    const rows: { coop_id: string; unit: Unit; pledged: string; paid: string }[] =
      await this.db.query(
        `SELECT coop_id, unit, sum(pledged) AS pledged, sum(paid) AS paid
           FROM ${this.movements()}
          WHERE coop_id = ANY($1::text[])
          GROUP BY coop_id, unit`,
        [coopIds],
      );
    const byCoop = new Map<string, Map<Unit, Sums>>(coopIds.map((id) => [id, new Map()]));
    for (const row of rows) {
      byCoop
        .get(row.coop_id)
        ?.set(row.unit, { pledged: sumOf(row.pledged), paid: sumOf(row.paid) });
    }
    return new Map([...byCoop].map(([coopId, sums]) => [coopId, unitLines(sums)]));
  }

  /**
   * The `byMonth` lines of the months from `first` to `last` (`YYYY-MM`, both included), by month
   * then unit: the same figures as `asOf(today).byMonth`, restricted to those months.
   */
  async months(first: string, last: string): Promise<GroupedLine<'month'>[]> {
    const rows: SumRow[] = await this.db.query(
      `SELECT unit, NULL AS pillar, NULL AS kind, NULL AS theme, NULL AS coop_id, month,
              NULL AS month_pillar, sum(pledged) AS pledged, sum(paid) AS paid
         FROM ${this.movements()}
        WHERE month BETWEEN $1 AND $2
        GROUP BY unit, month`,
      [first, last],
    );
    return pooledMeansView(today(), rows.map(toSum), []).byMonth;
  }

  /** The SOL share of all money paid to date. */
  async solShareToDate(): Promise<Indicator> {
    const rows: { unit: 'EUR' | 'SOL'; paid: string }[] = await this.db.query(
      `SELECT unit, sum(paid) AS paid
         FROM ${this.movements()}
        WHERE month IS NOT NULL AND unit IN ('EUR', 'SOL')
        GROUP BY unit`,
    );
    const paid = (unit: 'EUR' | 'SOL') => sumOf(rows.find((r) => r.unit === unit)?.paid);
    return solShareIndicator(paid('SOL'), paid('EUR'));
  }
}

function toSum(row: SumRow): PooledSum {
  const keys: Record<PooledDimension, string | null> = {
    pillar: row.pillar,
    kind: row.kind,
    theme: row.theme,
    coopId: row.coop_id,
    month: row.month,
    monthPillar: row.month_pillar,
  };
  const [dimension, key] = Object.entries(keys).find(([, value]) => value !== null)!;
  return {
    dimension: dimension as PooledDimension,
    key: key!,
    unit: row.unit,
    pledged: sumOf(row.pledged),
    paid: sumOf(row.paid),
  };
}

function toAsideSum(row: AsideRow): NotCountedSum {
  return {
    coopId: row.coop_id,
    reason: row.reason,
    unit: row.unit,
    pledged: sumOf(row.pledged),
    paid: sumOf(row.paid),
  };
}
