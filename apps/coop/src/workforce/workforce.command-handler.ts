import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { WORKFORCE_AGGREGATE, WorkforceEvent } from '@libs/contracts';
import { WorkforceCommand, workforceDecider, WorkforceState } from './workforce.decider';

/** A command for the coop's workforce, month by month, sent on the CommandBus. */
export class WorkforceChange extends AggregateCommand<
  WorkforceCommand,
  WorkforceState,
  WorkforceEvent
> {}

@CommandHandler(WorkforceChange)
export class WorkforceHandler extends handlerOf(WORKFORCE_AGGREGATE, workforceDecider) {}
