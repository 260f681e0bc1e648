import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { DISBURSEMENTS_AGGREGATE, AllocationDisbursed } from '@libs/contracts';
import { Disburse, disbursementsDecider, DisbursementsState } from './disbursement.decider';

/** A command for what one budget period paid out, sent on the CommandBus. */
export class DisbursementsChange extends AggregateCommand<
  Disburse,
  DisbursementsState,
  AllocationDisbursed
> {}

@CommandHandler(DisbursementsChange)
export class DisbursementsHandler extends handlerOf(
  DISBURSEMENTS_AGGREGATE,
  disbursementsDecider,
) {}
