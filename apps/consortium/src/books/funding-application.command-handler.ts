import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { FUNDING_APPLICATION_AGGREGATE, FundingApplicationEvent } from '@libs/contracts';
import {
  FundingApplicationCommand,
  fundingApplicationDecider,
  FundingApplicationState,
} from './funding-application.decider';

/** A command for one application for outside funding, sent on the CommandBus. */
export class FundingApplicationChange extends AggregateCommand<
  FundingApplicationCommand,
  FundingApplicationState,
  FundingApplicationEvent
> {}

@CommandHandler(FundingApplicationChange)
export class FundingApplicationHandler extends handlerOf(
  FUNDING_APPLICATION_AGGREGATE,
  fundingApplicationDecider,
) {}
