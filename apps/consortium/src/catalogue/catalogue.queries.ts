import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '@libs/aggregates';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, pageOf } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { resourceView, ResourceView } from '@libs/api-conventions';
import { CoopsQueries } from '../registry';
import { CatalogueResource } from './catalogue-resource';
import { CatalogueQuery } from './catalogue.dto';

/** A resource on offer, with the coop that offers it. */
export type CatalogueItem = { coopId: string; coopName: string | null } & ResourceView;

type OfferRow = Omit<CatalogueResource, 'withdrawnOn'>;

const CATALOGUE_CURSOR = new PageCursor<[string, string]>('catalogue');

/** What the federation has on offer: resources not withdrawn, of coops admitted to the consortium. */
@Injectable()
export class CatalogueQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly coops: CoopsQueries,
  ) {}

  async list(query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = CATALOGUE_CURSOR.read(query.cursor);
    const admitted = await this.coops.admitted();
    const values: unknown[] = [limit + 1, [...admitted.keys()]];
    const where = ['r.withdrawn_on IS NULL', 'r.coop_id = ANY($2::text[])'];
    const parameter = (value: unknown) => `$${values.push(value)}`;
    if (query.kind) where.push(`r.kind = ${parameter(query.kind)}`);
    if (query.theme) where.push(`${parameter(query.theme)} = ANY(r.themes)`);
    if (Array.isArray(after) && after.length === 2) {
      where.push(
        `(r.shared_on, r.stream_id) > (${parameter(after[0])}::date, ${parameter(after[1])})`,
      );
    }
    const rows: OfferRow[] = await this.db.query(
      `SELECT r.stream_id AS "streamId", r.coop_id AS "coopId",
              r.resource_id AS "resourceId", r.kind, r.title, r.description, r.themes, r.terms,
              r.shared_on::text AS "sharedOn"
         FROM ${qualifiedTable(this.db, 'catalogue_resources')} r
        WHERE ${where.join(' AND ')}
        ORDER BY r.shared_on, r.stream_id
        LIMIT $1`,
      values,
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        coopId: row.coopId,
        coopName: admitted.get(row.coopId) ?? null,
        ...resourceView(row),
      }),
      (row) => [row.sharedOn, row.streamId],
      CATALOGUE_CURSOR,
    );
  }

  /** How many resources admitted coops shared between two days (both included), by kind. */
  async sharedBetween(from: string, to: string): Promise<{ kind: string; resources: number }[]> {
    const rows: { kind: string; resources: string }[] = await this.db.query(
      `SELECT r.kind, count(*) AS resources
         FROM ${qualifiedTable(this.db, 'catalogue_resources')} r
        WHERE r.shared_on BETWEEN $1::date AND $2::date AND r.coop_id = ANY($3::text[])
        GROUP BY r.kind
        ORDER BY r.kind`,
      [from, to, [...(await this.coops.admitted()).keys()]],
    );
    return rows.map((row) => ({ kind: row.kind, resources: Number(row.resources) }));
  }

  /**
   * Who shares the resource and whether it still does: the first coop admitted to the consortium
   * that shared it under this id. 404 if none did.
   */
  async sharedBy(resourceId: string): Promise<{ coopId: string; withdrawn: boolean }> {
    const [row]: { coopId: string; withdrawn: boolean }[] = await this.db.query(
      `SELECT r.coop_id AS "coopId", r.withdrawn_on IS NOT NULL AS withdrawn
         FROM ${qualifiedTable(this.db, 'catalogue_resources')} r
        WHERE r.resource_id = $1 AND r.coop_id = ANY($2::text[])
        ORDER BY r.shared_on, r.stream_id
        LIMIT 1`,
      [resourceId, [...(await this.coops.admitted()).keys()]],
    );
    if (!row) throw new NotFound(`no resource ${resourceId} is shared by an admitted coop`);
    return row;
  }
}
