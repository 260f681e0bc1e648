import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatHundredths } from '@libs/contracts';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, PageQuery, pageOf } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { TimeAccountResponse } from './exchanges.dto';

const TIME_ACCOUNTS_CURSOR = new PageCursor<string>('time-accounts');

/**
 * The coops' time accounts, from confirmed exchanges only: every confirmed hour is given by one
 * coop and received by another, so the balances (given − received) add up to zero. Sums are SQL
 * `numeric`, read as BigInt: exact whatever their size.
 */
@Injectable()
export class TimeAccountsQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The exchanges confirmed between two days (both included), and their hours in hundredths. */
  async confirmedBetween(from: string, to: string): Promise<{ exchanges: number; hours: bigint }> {
    const [row]: { exchanges: string; hours: string | null }[] = await this.db.query(
      `SELECT count(*) AS exchanges, sum(hours::numeric) AS hours
         FROM ${qualifiedTable(this.db, 'exchanges')}
        WHERE confirmed_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    return { exchanges: Number(row.exchanges), hours: BigInt(row.hours ?? 0) };
  }

  /** By coop id. */
  async list(query: PageQuery): Promise<Page<TimeAccountResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = TIME_ACCOUNTS_CURSOR.read(query.cursor);
    const rows: { coop_id: string; given: string; received: string }[] = await this.db.query(
      `WITH moves AS (
         SELECT from_coop_id AS coop_id, hours::numeric AS given, 0::numeric AS received
           FROM ${qualifiedTable(this.db, 'exchanges')} WHERE confirmed_on IS NOT NULL
         UNION ALL
         SELECT to_coop_id, 0, hours
           FROM ${qualifiedTable(this.db, 'exchanges')} WHERE confirmed_on IS NOT NULL
       )
       SELECT coop_id, sum(given) AS given, sum(received) AS received
         FROM moves
        WHERE coop_id > $2
        GROUP BY coop_id
        ORDER BY coop_id
        LIMIT $1`,
      [limit + 1, typeof after === 'string' ? after : ''],
    );
    return pageOf(
      rows,
      limit,
      (row) => {
        const given = BigInt(row.given);
        const received = BigInt(row.received);
        return {
          coopId: row.coop_id,
          given: formatHundredths(given),
          received: formatHundredths(received),
          balance: formatHundredths(given - received),
        };
      },
      (row) => row.coop_id,
      TIME_ACCOUNTS_CURSOR,
    );
  }
}
