import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { EXCHANGE_AGGREGATE, ExchangeEvent } from '@libs/contracts';
import { ExchangeCommand, exchangeDecider, ExchangeState } from './exchange.decider';

/** A command for one exchange of hours between two coops, sent on the CommandBus. */
export class ExchangeChange extends AggregateCommand<
  ExchangeCommand,
  ExchangeState,
  ExchangeEvent
> {}

@CommandHandler(ExchangeChange)
export class ExchangeHandler extends handlerOf(EXCHANGE_AGGREGATE, exchangeDecider) {}
