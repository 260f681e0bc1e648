import { ExchangeEvent, HoursGiven } from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';

type Terms = Omit<HoursGiven['data'], 'note'>;

export type ExchangeCommand =
  | ({
      type: 'GiveHours';
      note: string | null;
      /** Whether the board admitted the receiving coop (the giving coop's is checked at the door). */
      receiverAdmitted: boolean;
    } & Terms)
  | { type: 'ConfirmHours'; byCoopId: string; confirmedOn: string };

export type ExchangeState = { terms: Terms; confirmed: boolean } | null;

export function evolve(state: ExchangeState, event: ExchangeEvent): ExchangeState {
  switch (event.type) {
    case 'HoursGiven': {
      const { note: _note, ...terms } = event.data;
      return { terms, confirmed: false };
    }
    case 'HoursConfirmed':
      return state && { ...state, confirmed: true };
  }
}

/** Hours go from one coop to another admitted coop; they count once the receiver confirms. */
export function decide(command: ExchangeCommand, state: ExchangeState): ExchangeEvent[] {
  switch (command.type) {
    case 'GiveHours': {
      const { type: _type, receiverAdmitted, ...data } = command;
      if (state) throw new StateConflict(`exchange ${command.exchangeId} is already recorded`);
      if (data.fromCoopId === data.toCoopId) {
        throw new RuleViolation('exchange_between_two_coops', 'a coop gives hours to another coop');
      }
      if (!receiverAdmitted) {
        throw new RuleViolation(
          'receiving_coop_admitted',
          `coop ${data.toCoopId} is not admitted to the consortium`,
        );
      }
      return [{ type: 'HoursGiven', data }];
    }
    case 'ConfirmHours': {
      if (!state) throw new NotFound('no such exchange');
      if (command.byCoopId !== state.terms.toCoopId) {
        throw new RuleViolation(
          'confirmed_by_receiving_coop',
          `only ${state.terms.toCoopId}, which received the hours, confirms them`,
        );
      }
      if (state.confirmed) throw new StateConflict('the exchange is already confirmed');
      return [
        { type: 'HoursConfirmed', data: { ...state.terms, confirmedOn: command.confirmedOn } },
      ];
    }
  }
}

export const exchangeDecider: Decider<ExchangeState, ExchangeCommand, ExchangeEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
