import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Currency, FundingApplied, FundingKind, IncomeKind, Money, Theme } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { COOP_MONEY_KIND, LedgerLine } from './ledger-line';

/** A period's own money, per currency, in exact hundredths. */
export interface PeriodBooks {
  /**
   * Received by the consortium itself (grants, donations, sales…) on the period's days; member
   * coops' money is counted by the month it is for (the pooled means), not here.
   */
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

/** Where a ledger line stands in the ledger's order: its day, then its event's position. */
export type LedgerPlace = [string, number];

/** A sum of the consortium's own movements of one key (a kind, a theme) in one currency. */
export interface BooksSum {
  currency: Currency;
  movements: number;
  hundredths: bigint;
}

/** The consortium's own income and disbursements over some days. */
export interface BooksBetween {
  income: (BooksSum & { kind: IncomeKind })[];
  /** By the theme of the allocation paid (null: an allocation with none). */
  disbursed: (BooksSum & { theme: Theme | null })[];
}

interface LedgerRow {
  date: string;
  /** The event's position, as text: an ORDER BY on an alias of it would sort the text. */
  at: string;
  direction: 'in' | 'out';
  kind: string;
  counterpart: string;
  coop_id: string | null;
  currency: Currency;
  hundredths: string;
  reference: string;
  event_id: string;
}

/** Lines per read of the whole ledger: a page of a few hundred kilobytes. */
const WHOLE_LEDGER_PAGE = 5_000;

const none = (): Record<Currency, bigint> => ({ EUR: 0n, SOL: 0n });
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The only door to the books for other contexts: budgets read their cash through it, reports the
 * quarter's income and disbursements.
 */
@Injectable()
export class BooksQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
          WHERE direction = 'in' AND kind <> $4
            AND on_day BETWEEN $1::date AND $2::date AND on_day <= $3::date
          GROUP BY currency`,
        [startsOn, endsOn, asOf, COOP_MONEY_KIND],
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
   * The movements over `from`..`to` by day, then in the log's order: the consortium's own (income,
   * disbursements) and member coops' money, one line per event. `limit` lines after `after` (the
   * last line read: its day and position), so a year of many thousand lines is read by pages.
   */
  async ledger(
    from: string,
    to: string,
    page: { after?: LedgerPlace; limit: number },
  ): Promise<(LedgerLine & { place: LedgerPlace })[]> {
    const after = page.after ?? ['0001-01-01', -1];
    const rows: LedgerRow[] = await this.db.query(
      `SELECT ${day('on_day')} AS date, position::text AS at, direction, kind, counterpart,
              coop_id, currency, hundredths::text AS hundredths, reference, event_id
         FROM ${this.table('books_ledger')}
        WHERE on_day BETWEEN $1::date AND $2::date AND (on_day, position) > ($3::date, $4::bigint)
        ORDER BY on_day, position
        LIMIT $5`,
      [from, to, after[0], after[1], page.limit],
    );
    return rows.map((row) => ({
      date: row.date,
      direction: row.direction,
      kind: row.kind,
      counterpart: row.counterpart,
      coopId: row.coop_id,
      currency: row.currency,
      hundredths: BigInt(row.hundredths),
      reference: row.reference,
      eventId: row.event_id,
      place: [row.date, Number(row.at)],
    }));
  }

  /** The whole ledger over `from`..`to`, read a page at a time: the accountant's CSV. */
  async *wholeLedger(from: string, to: string): AsyncGenerator<LedgerLine[]> {
    let after: LedgerPlace | undefined;
    for (;;) {
      const lines = await this.ledger(from, to, { after, limit: WHOLE_LEDGER_PAGE });
      if (lines.length > 0) yield lines;
      if (lines.length < WHOLE_LEDGER_PAGE) return;
      after = lines[lines.length - 1].place;
    }
  }

  /**
   * The consortium's own income (by kind) and disbursements (by theme) received or paid on the
   * days `from`..`to`, per currency: what a quarter's report tells members and funders.
   */
  async between(from: string, to: string): Promise<BooksBetween> {
    const rows: {
      direction: 'in' | 'out';
      key: string | null;
      currency: Currency;
      movements: number;
      total: string;
    }[] = await this.db.query(
      `SELECT direction, CASE direction WHEN 'in' THEN kind ELSE theme END AS key,
              currency, count(*)::int AS movements, sum(hundredths)::text AS total
         FROM ${this.table('books_ledger')}
        WHERE on_day BETWEEN $1::date AND $2::date AND kind <> $3
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`,
      [from, to, COOP_MONEY_KIND],
    );
    const of = (direction: 'in' | 'out') =>
      rows
        .filter((row) => row.direction === direction)
        .map((row) => ({
          key: row.key,
          currency: row.currency,
          movements: row.movements,
          hundredths: BigInt(row.total),
        }));
    return {
      income: of('in').map(({ key, ...sum }) => ({ kind: key as IncomeKind, ...sum })),
      disbursed: of('out').map(({ key, ...sum }) => ({ theme: key as Theme | null, ...sum })),
    };
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
