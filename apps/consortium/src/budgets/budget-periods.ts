import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  BUDGET_AGGREGATE,
  BudgetClosed,
  BudgetOpened,
  CONSORTIUM_STREAM_PREFIX,
} from '@libs/contracts';
import { rowProjection } from '@libs/projections';

/** The budget periods the board has opened: what a reviewer picks from before opening one. */
@Entity({ name: 'budget_periods' })
export class BudgetPeriodRow {
  @PrimaryColumn('text', { name: 'period_id' })
  periodId!: string;

  @Column('text', { name: 'starts_on' })
  startsOn!: string;

  @Column('text', { name: 'ends_on' })
  endsOn!: string;

  @Column('text')
  status!: 'open' | 'closed';
}

export type BudgetPeriodEvent = BudgetOpened | BudgetClosed;

export function evolveBudgetPeriod(
  row: BudgetPeriodRow | undefined,
  event: BudgetPeriodEvent,
): BudgetPeriodRow | null {
  switch (event.type) {
    case 'BudgetOpened': {
      const { periodId, startsOn, endsOn } = event.data;
      return { periodId, startsOn, endsOn, status: 'open' };
    }
    case 'BudgetClosed':
      return row ? { ...row, status: 'closed' } : null;
  }
}

export const budgetPeriodsProjection = rowProjection<BudgetPeriodRow>({
  name: 'budget_periods',
  version: 1,
  filter: {
    streamPrefix: `${CONSORTIUM_STREAM_PREFIX}${BUDGET_AGGREGATE}/`,
    eventTypes: ['BudgetOpened', 'BudgetClosed'],
  },
  entity: BudgetPeriodRow,
  key: (event) => (event.data as BudgetPeriodEvent['data']).periodId,
  evolve: (row, event) => evolveBudgetPeriod(row, event as unknown as BudgetPeriodEvent),
});

@Injectable()
export class BudgetPeriods {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first: the year under review is usually the latest. */
  list(): Promise<BudgetPeriodRow[]> {
    return this.db
      .getRepository(BudgetPeriodRow)
      .find({ order: { startsOn: 'DESC', periodId: 'ASC' } });
  }
}
