import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { TRAINING_AGGREGATE, TrainingEvent } from '@libs/contracts';
import { TrainingCommand, trainingDecider, TrainingState } from './training.decider';

/** A command for one training the coop offers, sent on the CommandBus. */
export class TrainingChange extends AggregateCommand<
  TrainingCommand,
  TrainingState,
  TrainingEvent
> {}

@CommandHandler(TrainingChange)
export class TrainingHandler extends handlerOf(TRAINING_AGGREGATE, trainingDecider) {}
