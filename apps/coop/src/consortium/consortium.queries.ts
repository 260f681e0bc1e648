import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { moneyJson } from '@libs/api-conventions';
import { QueryBus } from '@nestjs/cqrs';
import { CoopApplicationQuery } from '../coop-application.query';
import { COOP_ID } from '../coop-id';
import { ConsortiumAllocationRow } from './consortium-allocation.entity';
import { ConsortiumStandingRow } from './consortium-standing.entity';
import { BoardDecisions, consortiumStatus } from './consortium-status';
import { ConsortiumView } from './consortium.response';

/**
 * What the consortium decided about this coop, from the rows its events built here: this app
 * never reads the consortium's tables.
 */
@Injectable()
export class ConsortiumQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queryBus: QueryBus,
    @Inject(COOP_ID) private readonly coopId: string,
  ) {}

  /** The board's admission and settlement of this coop, null before it admitted it. */
  async boardDecisions(): Promise<(BoardDecisions & ConsortiumStandingRow) | null> {
    return this.db.getRepository(ConsortiumStandingRow).findOneBy({ coopId: this.coopId });
  }

  async view(): Promise<ConsortiumView> {
    const [application, board, allocations] = await Promise.all([
      this.queryBus.execute(new CoopApplicationQuery()),
      this.boardDecisions(),
      this.db.getRepository(ConsortiumAllocationRow).find({ order: { proposedAt: 'ASC' } }),
    ]);
    return {
      status: consortiumStatus(application, board),
      admittedOn: board?.admittedOn ?? null,
      allocations: allocations.map((row) => ({
        allocationId: row.allocationId,
        periodId: row.periodId,
        title: row.title,
        amount: moneyJson(row.currency, row.amount),
        status: row.status,
        disbursed: moneyJson(row.currency, row.disbursed),
      })),
      settlement: board?.settledOn
        ? {
            settledOn: board.settledOn,
            capitalOwed: moneyJson('EUR', board.capitalOwed ?? 0),
            lossDeducted: moneyJson('EUR', board.lossDeducted ?? 0),
            dueOn: board.dueOn!,
            leavesOn: board.exitYear ? `${board.exitYear}-12-31` : null,
          }
        : null,
    };
  }
}
