import {
  formatHundredths,
  FundingApplicationEvent,
  FundingApplied,
  IncomeKind,
  Money,
} from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';

export type FundingApplicationCommand =
  | ({ type: 'ApplyForFunding'; by: string } & Omit<FundingApplied['data'], 'appliedBy'>)
  | {
      type: 'DecideFunding';
      outcome: 'awarded' | 'refused';
      decidedOn: string;
      awarded: Money | null;
      reportingDueOn: string | null;
      by: string;
    }
  | {
      type: 'ReceiveFunding';
      incomeId: string;
      kind: IncomeKind;
      amount: Money;
      receivedOn: string;
      by: string;
    };

export interface FundingApplicationState {
  applicationId: string | null;
  funder: string;
  status: 'open' | 'awarded' | 'refused';
  awarded: Money | null;
  /** What the award brought in so far, in its currency's hundredths. */
  received: bigint;
  incomeIds: string[];
}

export function evolve(
  state: FundingApplicationState,
  event: FundingApplicationEvent,
): FundingApplicationState {
  switch (event.type) {
    case 'FundingApplied':
      return { ...state, applicationId: event.data.applicationId, funder: event.data.funder };
    case 'FundingDecided':
      return { ...state, status: event.data.outcome, awarded: event.data.awarded };
    case 'FundingReceived':
      return {
        ...state,
        received: state.received + BigInt(event.data.amount.hundredths),
        incomeIds: [...state.incomeIds, event.data.incomeId],
      };
  }
}

/**
 * A call applied to, decided once, and the award's money as it comes in: never more than was
 * awarded, and only its own money (the award itself is no income until it is received).
 */
export function decide(
  command: FundingApplicationCommand,
  state: FundingApplicationState,
): FundingApplicationEvent[] {
  if (command.type === 'ApplyForFunding') {
    if (state.applicationId) throw new StateConflict('this funding application already exists');
    if (command.requested.hundredths <= 0)
      throw new RuleViolation('requested_positive', 'an application requests more than nothing');
    const { type: _type, by, ...data } = command;
    return [{ type: 'FundingApplied', data: { ...data, appliedBy: by } }];
  }
  const applicationId = state.applicationId;
  if (!applicationId) throw new NotFound('no such funding application');
  switch (command.type) {
    case 'DecideFunding': {
      if (state.status !== 'open')
        throw new StateConflict(`the application is already ${state.status}`);
      const awarded = command.outcome === 'awarded' ? command.awarded : null;
      if (command.outcome === 'awarded' && (!awarded || awarded.hundredths <= 0))
        throw new RuleViolation('awarded_amount', 'an awarded application says how much: awarded');
      if (command.outcome === 'refused' && command.awarded)
        throw new RuleViolation('awarded_amount', 'a refused application is awarded nothing');
      return [
        {
          type: 'FundingDecided',
          data: {
            applicationId,
            outcome: command.outcome,
            decidedOn: command.decidedOn,
            awarded,
            reportingDueOn: command.reportingDueOn,
            decidedBy: command.by,
          },
        },
      ];
    }
    case 'ReceiveFunding': {
      if (state.incomeIds.includes(command.incomeId))
        throw new StateConflict('this income is already recorded');
      if (state.status !== 'awarded' || !state.awarded)
        throw new RuleViolation(
          'income_from_awarded_application',
          `an application ${state.status === 'open' ? 'not yet decided' : 'refused'} brings no money`,
        );
      const { unit } = state.awarded;
      if (command.amount.unit !== unit)
        throw new RuleViolation('income_currency', `the award is in ${unit}`);
      const left = BigInt(state.awarded.hundredths) - state.received;
      if (BigInt(command.amount.hundredths) > left)
        throw new RuleViolation(
          'income_within_award',
          `only ${formatHundredths(left)} ${unit} of the award is still to come`,
        );
      return [
        {
          type: 'FundingReceived',
          data: {
            applicationId,
            incomeId: command.incomeId,
            kind: command.kind,
            amount: command.amount,
            receivedOn: command.receivedOn,
            funder: state.funder,
            recordedBy: command.by,
          },
        },
      ];
    }
  }
}

export const fundingApplicationDecider: Decider<
  FundingApplicationState,
  FundingApplicationCommand,
  FundingApplicationEvent
> = {
  initialState: () => ({
    applicationId: null,
    funder: '',
    status: 'open',
    awarded: null,
    received: 0n,
    incomeIds: [],
  }),
  evolve,
  decide,
};
