import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { ExchangeEvent } from '@libs/contracts';
import { ExchangeCommand, exchangeDecider } from './exchange.decider';

const terms = {
  exchangeId: '00000000-0000-4000-8000-0000000000e1',
  fromCoopId: 'velo-solidaire',
  toCoopId: 'habitat-partage',
  hours: 450,
  kind: 'skill_exchange',
  theme: 'housing',
  on: '2027-03-04',
} as const;
const give = (overrides: Partial<Extract<ExchangeCommand, { type: 'GiveHours' }>> = {}) =>
  ({
    type: 'GiveHours',
    ...terms,
    note: 'plumbing',
    receiverAdmitted: true,
    ...overrides,
  }) as ExchangeCommand;
const confirm = (byCoopId = 'habitat-partage'): ExchangeCommand => ({
  type: 'ConfirmHours',
  byCoopId,
  confirmedOn: '2027-03-05',
});
const hoursGiven: ExchangeEvent = { type: 'HoursGiven', data: { ...terms, note: 'plumbing' } };
const hoursConfirmed: ExchangeEvent = {
  type: 'HoursConfirmed',
  data: { ...terms, confirmedOn: '2027-03-05' },
};

const exchange = DeciderSpecification.for(exchangeDecider);

describe('hours one coop gives another', () => {
  it('given nothing, when hours are given, then they are recorded with their note', () => {
    exchange.given().when(give()).then([hoursGiven]);
  });

  it('given hours given, when the receiving coop confirms, then the terms are confirmed', () => {
    exchange.given([hoursGiven]).when(confirm()).then([hoursConfirmed]);
  });

  it('given hours given, when another coop (the giver too) confirms, then it is refused', () => {
    for (const coop of ['velo-solidaire', 'casa-comune']) {
      exchange
        .given([hoursGiven])
        .when(confirm(coop))
        .thenThrows(RuleViolation, { rule: 'confirmed_by_receiving_coop' });
    }
  });

  it('given confirmed hours, when confirmed again, then it is a conflict', () => {
    exchange
      .given([hoursGiven, hoursConfirmed])
      .when(confirm())
      .thenThrows(StateConflict, { message: /already confirmed/ });
  });

  it('given nothing, when a coop gives to itself or to a coop not admitted, then it is refused', () => {
    exchange
      .given()
      .when(give({ toCoopId: 'velo-solidaire' }))
      .thenThrows(RuleViolation, { rule: 'exchange_between_two_coops' });
    exchange
      .given()
      .when(give({ receiverAdmitted: false }))
      .thenThrows(RuleViolation, { rule: 'receiving_coop_admitted' });
  });
});
