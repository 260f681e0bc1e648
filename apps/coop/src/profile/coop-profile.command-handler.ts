import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { PROFILE_AGGREGATE, CoopProfileEvent } from '@libs/contracts';
import { CoopProfileCommand, coopProfileDecider, CoopProfileState } from './coop-profile.decider';

/** A command for the coop's own profile and its application to the consortium, sent on the CommandBus. */
export class CoopProfileChange extends AggregateCommand<
  CoopProfileCommand,
  CoopProfileState,
  CoopProfileEvent
> {}

@CommandHandler(CoopProfileChange)
export class CoopProfileHandler extends handlerOf(PROFILE_AGGREGATE, coopProfileDecider) {}
