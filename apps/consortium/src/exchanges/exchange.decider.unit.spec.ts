import { ExchangeEvent } from '@libs/contracts';
import { decide, ExchangeCommand, exchangeDecider } from './exchange.decider';

const X1 = '00000000-0000-4000-8000-0000000000e1';
const give = (overrides: Partial<ExchangeCommand> = {}): ExchangeCommand =>
  ({
    type: 'GiveHours',
    exchangeId: X1,
    fromCoopId: 'velo-solidaire',
    toCoopId: 'habitat-partage',
    hours: 450,
    kind: 'skill_exchange',
    theme: 'housing',
    on: '2027-03-04',
    note: 'plumbing',
    receiverAdmitted: true,
    ...overrides,
  }) as ExchangeCommand;
const confirm = (byCoopId = 'habitat-partage'): ExchangeCommand => ({
  type: 'ConfirmHours',
  byCoopId,
  confirmedOn: '2027-03-05',
});
const given = (...events: ExchangeEvent[]) =>
  events.reduce(exchangeDecider.evolve, exchangeDecider.initialState());
const [hoursGiven] = decide(give(), given());

describe('hours one coop gives another', () => {
  it('given nothing, when hours are given, then they are recorded with their note', () => {
    expect(hoursGiven).toEqual({
      type: 'HoursGiven',
      data: expect.objectContaining({ hours: 450, note: 'plumbing', toCoopId: 'habitat-partage' }),
    });
  });

  it('given hours given, when the receiving coop confirms, then the terms are confirmed', () => {
    expect(decide(confirm(), given(hoursGiven))).toEqual([
      {
        type: 'HoursConfirmed',
        data: expect.objectContaining({
          exchangeId: X1,
          fromCoopId: 'velo-solidaire',
          hours: 450,
          theme: 'housing',
          confirmedOn: '2027-03-05',
        }),
      },
    ]);
  });

  it('given hours given, when another coop (the giver too) confirms, then it is refused', () => {
    for (const coop of ['velo-solidaire', 'casa-comune']) {
      expect(() => decide(confirm(coop), given(hoursGiven))).toThrow(
        expect.objectContaining({ rule: 'confirmed_by_receiving_coop' }),
      );
    }
  });

  it('given confirmed hours, when confirmed again, then it is a conflict', () => {
    const confirmed = decide(confirm(), given(hoursGiven));
    expect(() => decide(confirm(), given(hoursGiven, ...confirmed))).toThrow(/already confirmed/);
  });

  it('given nothing, when a coop gives to itself or to a coop not admitted, then it is refused', () => {
    expect(() => decide(give({ toCoopId: 'velo-solidaire' }), given())).toThrow(
      expect.objectContaining({ rule: 'exchange_between_two_coops' }),
    );
    expect(() => decide(give({ receiverAdmitted: false }), given())).toThrow(
      expect.objectContaining({ rule: 'receiving_coop_admitted' }),
    );
  });
});
