import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONTRIBUTION_AGGREGATE } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import {
  CommandMeta,
  DEFAULT_PAGE_SIZE,
  MoneyDto,
  Page,
  PageCursor,
  pageOf,
  TimeDto,
  today,
} from '@libs/api-conventions';
import { CoopCommands } from '../coop-commands';
import {
  ContributionCommand,
  contributionDecider,
  ContributionState,
} from './contribution.decider';
import { ContributionRow } from './contribution.entity';
import { ContributionView, contributionView } from './contribution.view';
import { toRow } from './contributions.projection';
import {
  CancelPledgeDto,
  ContributionsQuery,
  PayPledgeDto,
  RecordContributionDto,
} from './contributions.dto';

const CONTRIBUTIONS_CURSOR = new PageCursor<[string, string]>('contributions');

@Injectable()
export class ContributionsService {
  constructor(
    private readonly commands: CoopCommands,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async record(dto: RecordContributionDto, meta: CommandMeta) {
    const contributionId = dto.contributionId ?? randomUUID();
    const quantity = dto.amount ? MoneyDto.toMoney(dto.amount) : TimeDto.toQuantity(dto.time!);
    const result = await this.run(
      contributionId,
      meta,
      {
        type: 'RecordContribution',
        contributionId,
        kind: dto.kind,
        quantity,
        period: dto.period,
        theme: dto.theme,
        source: dto.source ?? null,
        status: dto.status,
        recordedOn: today(),
      },
      { creates: true },
    );
    return { contributionId, version: result.version };
  }

  payPledge(contributionId: string, dto: PayPledgeDto, meta: CommandMeta) {
    return this.run(contributionId, meta, { type: 'PayPledge', paidOn: dto.paidOn ?? today() });
  }

  cancelPledge(contributionId: string, dto: CancelPledgeDto, meta: CommandMeta) {
    return this.run(contributionId, meta, {
      type: 'CancelPledge',
      cancelledOn: dto.cancelledOn ?? today(),
      reason: dto.reason,
    });
  }

  /** One contribution, straight from its stream. */
  async one(contributionId: string): Promise<ContributionView> {
    const { state, version } = await this.commands.load(
      CONTRIBUTION_AGGREGATE,
      contributionId,
      contributionDecider,
    );
    return this.viewOf(contributionId, state, version);
  }

  /** The contribution as its stream stands at `version` (loaded, or just changed by a command). */
  viewOf(contributionId: string, state: ContributionState, version: number): ContributionView {
    if (!state) throw new NotFound(`no contribution ${contributionId}`);
    return contributionView(toRow(state, version));
  }

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

  private run(
    contributionId: string,
    meta: CommandMeta,
    command: ContributionCommand,
    options: { creates?: boolean } = {},
  ) {
    return this.commands.run(
      CONTRIBUTION_AGGREGATE,
      contributionId,
      contributionDecider,
      command,
      meta,
      options,
    );
  }
}
