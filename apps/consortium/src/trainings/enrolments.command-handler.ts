import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { TRAINING_ENROLMENTS_AGGREGATE, TrainingEnrolmentEvent } from '@libs/contracts';
import { EnrolmentCommand, enrolmentsDecider, EnrolmentsState } from './enrolments.decider';

/** A command for the enrolments of one training (its places, one at a time), sent on the CommandBus. */
export class EnrolmentsChange extends AggregateCommand<
  EnrolmentCommand,
  EnrolmentsState,
  TrainingEnrolmentEvent
> {}

@CommandHandler(EnrolmentsChange)
export class EnrolmentsHandler extends handlerOf(
  TRAINING_ENROLMENTS_AGGREGATE,
  enrolmentsDecider,
) {}
