import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { BUDGET_AGGREGATE, BudgetEvent } from '@libs/contracts';
import { BudgetCommand, budgetDecider, BudgetState } from './budget.decider';

/** A command for one budget period: its allocations and the board's votes, sent on the CommandBus. */
export class BudgetChange extends AggregateCommand<BudgetCommand, BudgetState, BudgetEvent> {}

@CommandHandler(BudgetChange)
export class BudgetHandler extends handlerOf(BUDGET_AGGREGATE, budgetDecider) {}
