import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandCaller, handlerOf } from '@libs/aggregates';
import { MoneyDto, TimeDto, today } from '@libs/api-conventions';
import { CONTRIBUTION_AGGREGATE, ContributionEvent } from '@libs/contracts';
import {
  ContributionCommand,
  contributionDecider,
  ContributionState,
} from './contribution.decider';
import { CancelPledgeDto, PayPledgeDto, RecordContributionDto } from './contributions.dto';

/**
 * A command for one contribution (recorded pledged or paid, then paid or cancelled), sent on the
 * CommandBus; built from the request that asks for it.
 */
export class ContributionChange extends AggregateCommand<
  ContributionCommand,
  ContributionState,
  ContributionEvent
> {
  static record(contributionId: string, dto: RecordContributionDto, caller: CommandCaller) {
    const quantity = dto.amount ? MoneyDto.toMoney(dto.amount) : TimeDto.toQuantity(dto.time!);
    const command: ContributionCommand = {
      type: 'RecordContribution',
      contributionId,
      kind: dto.kind,
      quantity,
      period: dto.period,
      theme: dto.theme,
      source: dto.source ?? null,
      status: dto.status,
      recordedOn: today(),
    };
    return new ContributionChange(contributionId, command, caller, { creates: true });
  }

  static pay(contributionId: string, dto: PayPledgeDto, caller: CommandCaller) {
    const paidOn = dto.paidOn ?? today();
    return new ContributionChange(contributionId, { type: 'PayPledge', paidOn }, caller);
  }

  static cancel(contributionId: string, dto: CancelPledgeDto, caller: CommandCaller) {
    const command: ContributionCommand = {
      type: 'CancelPledge',
      cancelledOn: dto.cancelledOn ?? today(),
      reason: dto.reason,
    };
    return new ContributionChange(contributionId, command, caller);
  }
}

@CommandHandler(ContributionChange)
export class ContributionHandler extends handlerOf(CONTRIBUTION_AGGREGATE, contributionDecider) {}
