import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, pageOf } from '@libs/api-conventions';
import { ContributionRow } from './contribution.entity';
import { ContributionView, contributionView } from './contribution.view';
import { ContributionsQuery } from './contributions.dto';

const CONTRIBUTIONS_CURSOR = new PageCursor<[string, string]>('contributions');

/** The coop's contributions as its read model has them: the one door to `contributions`. */
@Injectable()
export class ContributionsQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ContributionsQuery): Promise<Page<ContributionView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = CONTRIBUTIONS_CURSOR.read(query.cursor);
    const rows = await this.db
      .getRepository(ContributionRow)
      .createQueryBuilder('c')
      .where(query.period ? 'c.period = :period' : 'TRUE', { period: query.period })
      .andWhere(after ? '(c.period, c.contribution_id) > (:afterPeriod, :afterId)' : 'TRUE', {
        afterPeriod: after?.[0],
        afterId: after?.[1],
      })
      .orderBy('c.period')
      .addOrderBy('c.contribution_id')
      .limit(limit + 1)
      .getMany();
    return pageOf(
      rows,
      limit,
      contributionView,
      (row) => [row.period, row.contributionId],
      CONTRIBUTIONS_CURSOR,
    );
  }
}
