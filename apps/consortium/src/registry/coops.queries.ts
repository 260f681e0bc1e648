import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';
import { isCoopId, MemberCategory } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, pageOf } from '@libs/api-conventions';
import { bigintOfNumeric, qualifiedTable } from '@libs/database';
import { PooledMeansQueries } from '../pooled-means';
import { CoopMembership, coopMembership, MemberGroup } from './coop-membership';
import { CoopStatus } from './member-coop';
import { MemberCoopRow } from './member-coop.entity';
import { memberCoopView, MemberCoopView } from './member-coop.view';
import { CoopsQuery } from './coops.dto';

/** A coop that joined or left the consortium, on that day. */
export interface CoopMove {
  coopId: string;
  name: string | null;
  on: string;
}

type KnownCoop = MemberCoopRow & { status: CoopStatus };

const COOPS_CURSOR = new PageCursor<string>('coops');

/**
 * The member coops: every coop that has applied to the consortium, whatever it has become since.
 * A coop that only described itself is none of the consortium's business yet.
 */
@Injectable()
export class CoopsQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pooled: PooledMeansQueries,
  ) {}

  async list(query: CoopsQuery): Promise<Page<MemberCoopView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = COOPS_CURSOR.read(query.cursor);
    const rows = (await this.db.getRepository(MemberCoopRow).find({
      where: {
        status: query.status ?? Not(IsNull()),
        ...(typeof after === 'string' ? { coopId: MoreThan(after) } : {}),
      },
      order: { coopId: 'ASC' },
      take: limit + 1,
    })) as KnownCoop[];
    const views = await this.views(rows);
    return pageOf(
      views,
      limit,
      (view) => view,
      (view) => view.coopId,
      COOPS_CURSOR,
    );
  }

  async one(coopId: string): Promise<MemberCoopView> {
    const row = isCoopId(coopId)
      ? await this.db.getRepository(MemberCoopRow).findOneBy({ coopId, status: Not(IsNull()) })
      : null;
    if (!row) throw new NotFound(`no coop ${coopId} has applied to the consortium`);
    const [view] = await this.views([row as KnownCoop]);
    return view;
  }

  /** The coops in these statuses, by id. */
  async inStatus(statuses: CoopStatus[]): Promise<KnownCoop[]> {
    return (await this.db.getRepository(MemberCoopRow).find({
      where: { status: In(statuses) },
      order: { coopId: 'ASC' },
    })) as KnownCoop[];
  }

  /**
   * The coops admitted now, by id, with their names: what the other contexts (catalogue,
   * trainings) show of a coop, and whose offers they list.
   */
  async admitted(): Promise<Map<string, string | null>> {
    const rows = await this.inStatus(['admitted']);
    return new Map(rows.map((row) => [row.coopId, row.name]));
  }

  /**
   * The coops the board admitted, and those whose withdrawal it settled, between two days (both
   * included), each by day then id.
   */
  async admittedAndLeft(
    from: string,
    to: string,
  ): Promise<{ admitted: CoopMove[]; left: CoopMove[] }> {
    const moves = (column: 'admitted_on' | 'withdrawn_on'): Promise<CoopMove[]> =>
      this.db.query(
        `SELECT coop_id AS "coopId", name, ${column}::text AS "on"
           FROM ${qualifiedTable(this.db, 'member_coops')}
          WHERE ${column} BETWEEN $1::date AND $2::date
          ORDER BY ${column}, coop_id`,
        [from, to],
      );
    const [admitted, left] = await Promise.all([moves('admitted_on'), moves('withdrawn_on')]);
    return { admitted, left };
  }

  /** Each coop's active members by category, and their capital. */
  async membership(coopIds: string[]): Promise<Map<string, CoopMembership>> {
    const rows: {
      coop_id: string;
      category: MemberCategory;
      members: string;
      disadvantaged: string;
      subscribed: string;
      paid: string;
    }[] = await this.db.query(
      // Counts as `bigint` and sums as `numeric`, read exactly: neither overflows nor rounds.
      `SELECT coop_id, category, count(*) AS members,
              count(*) FILTER (WHERE disadvantaged) AS disadvantaged,
              sum(subscribed) AS subscribed, sum(paid) AS paid
         FROM ${qualifiedTable(this.db, 'coop_members')}
        WHERE coop_id = ANY($1::text[]) AND status = 'active'
        GROUP BY coop_id, category`,
      [coopIds],
    );
    const groups = new Map<string, MemberGroup[]>(coopIds.map((id) => [id, []]));
    for (const row of rows) {
      groups.get(row.coop_id)?.push({
        category: row.category,
        members: Number(row.members),
        disadvantaged: Number(row.disadvantaged),
        subscribed: bigintOfNumeric(row.subscribed),
        paid: bigintOfNumeric(row.paid),
      });
    }
    return new Map([...groups].map(([coopId, list]) => [coopId, coopMembership(list)]));
  }

  private async views(rows: KnownCoop[]): Promise<MemberCoopView[]> {
    const ids = rows.map((row) => row.coopId);
    const [membership, contributions] = await Promise.all([
      this.membership(ids),
      this.pooled.toDateByCoop(ids),
    ]);
    return rows.map((row) =>
      memberCoopView(row, membership.get(row.coopId)!, contributions.get(row.coopId)!),
    );
  }
}
