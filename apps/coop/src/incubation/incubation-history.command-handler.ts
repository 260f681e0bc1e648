import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { INCUBATION_AGGREGATE, IncubationHistoryEvent } from '@libs/contracts';
import {
  IncubationHistoryCommand,
  incubationHistoryDecider,
  IncubationHistoryState,
} from './incubation-history.decider';

/** A command for the coop's pre-history as an incubated project (the CLI's import records it). */
export class IncubationHistoryChange extends AggregateCommand<
  IncubationHistoryCommand,
  IncubationHistoryState,
  IncubationHistoryEvent
> {}

@CommandHandler(IncubationHistoryChange)
export class IncubationHistoryHandler extends handlerOf(
  INCUBATION_AGGREGATE,
  incubationHistoryDecider,
) {}
