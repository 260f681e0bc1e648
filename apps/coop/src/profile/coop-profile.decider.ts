import { CoopProfileEvent, CoopProfileSet } from '@libs/contracts';
import { Decider, RuleViolation, StateConflict } from '@libs/aggregates';

export type CoopProfileCommand =
  | ({ type: 'SetProfile' } & CoopProfileSet['data'])
  | { type: 'ApplyToConsortium'; coopId: string; submittedOn: string; bundleKey: string }
  | {
      type: 'RequestConsortiumWithdrawal';
      coopId: string;
      requestedOn: string;
      reason: string | null;
    };

/** The coop's own side of its membership in the consortium (the board's side is the consortium's). */
export type ApplicationStatus = 'none' | 'applied' | 'withdrawal_requested';

export interface CoopProfileState {
  profile: CoopProfileSet['data'] | null;
  application: ApplicationStatus;
  /** The day the coop gave notice of leaving the consortium. */
  withdrawalRequestedOn?: string;
}

export function evolve(state: CoopProfileState, event: CoopProfileEvent): CoopProfileState {
  switch (event.type) {
    case 'CoopProfileSet':
      return { ...state, profile: event.data };
    case 'ConsortiumApplicationSubmitted':
      return { ...state, application: 'applied' };
    case 'ConsortiumWithdrawalRequested':
      return {
        ...state,
        application: 'withdrawal_requested',
        withdrawalRequestedOn: event.data.requestedOn,
      };
  }
}

export function decide(command: CoopProfileCommand, state: CoopProfileState): CoopProfileEvent[] {
  switch (command.type) {
    case 'SetProfile': {
      const { type: _type, ...data } = command;
      return [{ type: 'CoopProfileSet', data }];
    }
    case 'ApplyToConsortium':
      if (!state.profile) {
        throw new RuleViolation(
          'profile_before_application',
          'describe the coop (PUT /coop) before applying',
        );
      }
      if (state.application !== 'none')
        throw new StateConflict('the coop has already applied to the consortium');
      return [
        {
          type: 'ConsortiumApplicationSubmitted',
          data: {
            coopId: command.coopId,
            submittedOn: command.submittedOn,
            bundleKey: command.bundleKey,
          },
        },
      ];
    case 'RequestConsortiumWithdrawal':
      if (state.application === 'none')
        throw new StateConflict('the coop is not a member of the consortium');
      if (state.application === 'withdrawal_requested')
        throw new StateConflict('the coop has already asked to leave');
      return [
        {
          type: 'ConsortiumWithdrawalRequested',
          data: {
            coopId: command.coopId,
            requestedOn: command.requestedOn,
            reason: command.reason,
          },
        },
      ];
  }
}

export const coopProfileDecider: Decider<CoopProfileState, CoopProfileCommand, CoopProfileEvent> = {
  initialState: () => ({ profile: null, application: 'none' }),
  evolve,
  decide,
};
