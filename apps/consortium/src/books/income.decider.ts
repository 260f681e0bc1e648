import { IncomeKind, IncomeReceived, Money } from '@libs/contracts';
import { Decider, RuleViolation, StateConflict } from '@libs/aggregates';

export interface RecordIncome {
  type: 'RecordIncome';
  incomeId: string;
  kind: IncomeKind;
  amount: Money;
  receivedOn: string;
  funder: string;
  by: string;
}

export interface IncomeState {
  recorded: boolean;
}

/** Money the consortium received that no funding application brought: recorded once. */
export const incomeDecider: Decider<IncomeState, RecordIncome, IncomeReceived> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide(command, state) {
    if (state.recorded) throw new StateConflict('this income is already recorded');
    if (command.amount.hundredths <= 0)
      throw new RuleViolation('income_positive', 'an income brings more than nothing');
    const { type: _type, by, ...data } = command;
    return [{ type: 'IncomeReceived', data: { ...data, recordedBy: by } }];
  },
};
