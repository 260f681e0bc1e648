import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { INCOME_AGGREGATE, IncomeReceived } from '@libs/contracts';
import { RecordIncome, incomeDecider, IncomeState } from './income.decider';

/** A command for one income of the consortium's own, sent on the CommandBus. */
export class IncomeChange extends AggregateCommand<RecordIncome, IncomeState, IncomeReceived> {}

@CommandHandler(IncomeChange)
export class IncomeHandler extends handlerOf(INCOME_AGGREGATE, incomeDecider) {}
