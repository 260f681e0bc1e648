import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Currency, FundingApplied, FundingKind, Money, Theme } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { PooledMeansQueries } from '../pooled-means';
import { LedgerLine } from './ledger-line';

/** A period's own money, per currency, in exact hundredths. */
export interface PeriodBooks {
  /** Received by the consortium itself (grants, donations, sales…) on the period's days. */
  received: Record<Currency, bigint>;
  /** Paid out on the period's allocations. */
  disbursed: Record<Currency, bigint>;
  disbursedByAllocation: Map<string, bigint>;
}

/** An application as the board follows it: as applied for, then decided, then received. */
export interface FundingApplicationRow extends Omit<FundingApplied['data'], 'appliedBy'> {
  status: 'open' | 'awarded' | 'refused';
  awarded: Money | null;
  decidedOn: string | null;
  reportingDueOn: string | null;
  received: Money;
}

export interface ApplicationFilter {
  status?: 'open' | 'awarded' | 'refused';
  deadlineBefore?: string;
  reportingDueBefore?: string;
  /** Start after this (deadline, id), for paging. */
  after?: [string, string];
  limit: number;
}

const none = (): Record<Currency, bigint> => ({ EUR: 0n, SOL: 0n });
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The only door to the books for other contexts: budgets read their cash through it. */
@Injectable()
export class BooksQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pooled: PooledMeansQueries,
  ) {}

  private table(name: string): string {
    return qualifiedTable(this.db, name);
  }

  /** The period's income (received on its days) and disbursements, as recorded up to `asOf`. */
  async period(
    periodId: string,
    startsOn: string,
    endsOn: string,
    asOf: string,
  ): Promise<PeriodBooks> {
    const [received, disbursed]: [
      { currency: Currency; total: string }[],
      { currency: Currency; allocation_id: string; total: string }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT currency, sum(hundredths) AS total FROM ${this.table('books_ledger')}
          WHERE direction = 'in' AND on_day BETWEEN $1::date AND $2::date AND on_day <= $3::date
          GROUP BY currency`,
        [startsOn, endsOn, asOf],
      ),
      this.db.query(
        `SELECT currency, allocation_id, sum(hundredths) AS total FROM ${this.table('books_ledger')}
          WHERE direction = 'out' AND period_id = $1 AND on_day <= $2::date
          GROUP BY currency, allocation_id`,
        [periodId, asOf],
      ),
    ]);
    const books: PeriodBooks = {
      received: none(),
      disbursed: none(),
      disbursedByAllocation: new Map(),
    };
    for (const row of received) books.received[row.currency] += BigInt(row.total);
    for (const row of disbursed) {
      books.disbursed[row.currency] += BigInt(row.total);
      books.disbursedByAllocation.set(row.allocation_id, BigInt(row.total));
    }
    return books;
  }

  /**
   * Every movement in and out over `from`..`to`, by date: the consortium's own, one line per
   * event, and the member coops' money, one line a day per currency (the pooled means keep it
   * by day, not by event).
   */
  async ledger(from: string, to: string): Promise<LedgerLine[]> {
    const [own, pooled] = await Promise.all([
      this.db.query(
        `SELECT ${day('on_day')} AS date, direction, kind, counterpart, coop_id, currency,
                hundredths::text AS hundredths, reference, event_id
           FROM ${this.table('books_ledger')}
          WHERE on_day BETWEEN $1::date AND $2::date
          ORDER BY on_day, position`,
        [from, to],
      ) as Promise<
        {
          date: string;
          direction: 'in' | 'out';
          kind: string;
          counterpart: string;
          coop_id: string | null;
          currency: Currency;
          hundredths: string;
          reference: string;
          event_id: string;
        }[]
      >,
      this.pooled.moneyPaidByDay(from, to),
    ]);
    const lines: LedgerLine[] = [
      ...pooled.map((line): LedgerLine => ({
        date: line.day,
        direction: 'in',
        kind: 'contribution',
        counterpart: 'member coops',
        coopId: null,
        currency: line.unit,
        hundredths: line.paid,
        reference: `pooled-means/${line.day}`,
        eventId: null,
      })),
      ...own.map((row): LedgerLine => ({
        date: row.date,
        direction: row.direction,
        kind: row.kind,
        counterpart: row.counterpart,
        coopId: row.coop_id,
        currency: row.currency,
        hundredths: BigInt(row.hundredths),
        reference: row.reference,
        eventId: row.event_id,
      })),
    ];
    // Stable: the day's pooled line first, then the consortium's events in the log's order.
    return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  async applications(filter: ApplicationFilter): Promise<FundingApplicationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.status) add((p) => `status = ${p}`, filter.status);
    if (filter.deadlineBefore) add((p) => `deadline < ${p}::date`, filter.deadlineBefore);
    if (filter.reportingDueBefore)
      add((p) => `reporting_due_on < ${p}::date`, filter.reportingDueBefore);
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(
        `(deadline, application_id) > ($${params.length - 1}::date, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit + 1);
    const rows: Record<string, string | null>[] = await this.db.query(
      `SELECT application_id, funder, call, kind, currency, requested::text AS requested,
              ${day('deadline')} AS deadline, theme, status, awarded::text AS awarded,
              ${day('decided_on')} AS decided_on, ${day('reporting_due_on')} AS reporting_due_on,
              received::text AS received
         FROM ${this.table('funding_applications')}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY deadline, application_id
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => {
      const unit = row.currency as Currency;
      const money = (value: string): Money => ({ unit, hundredths: Number(value) });
      return {
        applicationId: row.application_id!,
        funder: row.funder!,
        call: row.call!,
        kind: row.kind as FundingKind,
        requested: money(row.requested!),
        deadline: row.deadline!,
        theme: row.theme as Theme | null,
        status: row.status as FundingApplicationRow['status'],
        awarded: row.awarded === null ? null : money(row.awarded),
        decidedOn: row.decided_on,
        reportingDueOn: row.reporting_due_on,
        received: money(row.received!),
      };
    });
  }
}
