import {
  ContributionEvent,
  ContributionKind,
  ContributionRecorded,
  pillarOf,
  Quantity,
  Theme,
} from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';

export type ContributionCommand =
  | {
      type: 'RecordContribution';
      contributionId: string;
      kind: ContributionKind;
      quantity: Quantity;
      period: string;
      theme: Theme;
      source: string | null;
      status: 'pledged' | 'paid';
      recordedOn: string;
    }
  | { type: 'PayPledge'; paidOn: string }
  | { type: 'CancelPledge'; cancelledOn: string; reason: string };

export type ContributionStatus = 'pledged' | 'paid' | 'cancelled';
export type ContributionState =
  | (Omit<ContributionRecorded['data'], 'status'> & {
      status: ContributionStatus;
      paidOn: string | null;
    })
  | null;

export function evolve(state: ContributionState, event: ContributionEvent): ContributionState {
  switch (event.type) {
    case 'ContributionRecorded':
      return { ...event.data, paidOn: event.data.status === 'paid' ? event.data.recordedOn : null };
    case 'PledgePaid':
      return state && { ...state, status: 'paid', paidOn: event.data.paidOn };
    case 'PledgeCancelled':
      return state && { ...state, status: 'cancelled' };
  }
}

export function decide(
  command: ContributionCommand,
  state: ContributionState,
): ContributionEvent[] {
  if (command.type === 'RecordContribution') {
    if (state)
      throw new StateConflict(`contribution ${command.contributionId} is already recorded`);
    const pillar = pillarOf(command.kind);
    if (command.quantity.unit === 'hours' && pillar !== 'non_monetary') {
      throw new RuleViolation(
        'time_only_for_non_monetary_kinds',
        `a ${command.kind} contribution is money (pillar ${pillar}); only non-monetary kinds count hours`,
      );
    }
    if (command.quantity.hundredths <= 0) {
      throw new RuleViolation('contribution_positive', 'a contribution must be more than zero');
    }
    const { type: _type, ...data } = command;
    return [{ type: 'ContributionRecorded', data: { ...data, pillar } }];
  }
  if (!state) throw new NotFound('no such contribution');
  if (state.status !== 'pledged') {
    throw new StateConflict(`the contribution is ${state.status}, not a pledge waiting to be paid`);
  }
  switch (command.type) {
    case 'PayPledge':
      return [
        {
          type: 'PledgePaid',
          data: { contributionId: state.contributionId, paidOn: command.paidOn },
        },
      ];
    case 'CancelPledge':
      return [
        {
          type: 'PledgeCancelled',
          data: {
            contributionId: state.contributionId,
            cancelledOn: command.cancelledOn,
            reason: command.reason,
          },
        },
      ];
  }
}

export const contributionDecider: Decider<
  ContributionState,
  ContributionCommand,
  ContributionEvent
> = {
  initialState: () => null,
  evolve,
  decide,
};
