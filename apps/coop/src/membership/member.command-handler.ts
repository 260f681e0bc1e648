import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { MEMBER_AGGREGATE, MembershipEvent } from '@libs/contracts';
import { MemberCommand } from './member.commands';
import { memberDecider, MemberState } from './member.decider';

/** A command for one member of the coop, from admission to exit, sent on the CommandBus. */
export class MemberChange extends AggregateCommand<MemberCommand, MemberState, MembershipEvent> {}

@CommandHandler(MemberChange)
export class MemberHandler extends handlerOf(MEMBER_AGGREGATE, memberDecider) {}
