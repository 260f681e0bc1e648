import { FundingApplicationEvent, money } from '@libs/contracts';
import { NotFound, StateConflict } from '@libs/aggregates';
import {
  FundingApplicationCommand,
  fundingApplicationDecider,
} from './funding-application.decider';

const APPLICATION = '00000000-0000-4000-8000-0000000000a1';
type DecideFunding = Extract<FundingApplicationCommand, { type: 'DecideFunding' }>;

const apply: FundingApplicationCommand = {
  type: 'ApplyForFunding',
  applicationId: APPLICATION,
  funder: 'Fondazione Cariplo',
  call: 'Welfare di comunità 2027',
  kind: 'grant',
  requested: money('EUR', 20_000_00),
  deadline: '2027-03-31',
  theme: 'civic',
  by: 'board-1',
};
const award = (hundredths: number | null): FundingApplicationCommand => ({
  type: 'DecideFunding',
  outcome: hundredths === null ? 'refused' : 'awarded',
  decidedOn: '2027-05-10',
  awarded: hundredths === null ? null : money('EUR', hundredths),
  reportingDueOn: '2028-01-31',
  by: 'board-1',
});
const receive = (incomeId: string, hundredths: number): FundingApplicationCommand => ({
  type: 'ReceiveFunding',
  incomeId,
  kind: 'grant',
  amount: money('EUR', hundredths),
  receivedOn: '2027-06-01',
  by: 'board-1',
});

function given(...history: FundingApplicationCommand[]) {
  const { initialState, evolve, decide } = fundingApplicationDecider;
  let state = initialState();
  for (const past of history) state = decide(past, state).reduce(evolve, state);
  return {
    when: (command: FundingApplicationCommand): FundingApplicationEvent[] => decide(command, state),
  };
}

describe('a funding application', () => {
  it('receives an award in parts, with the funder of the application', () => {
    expect(
      given(apply, award(15_000_00), receive('i1', 10_000_00)).when(receive('i2', 5_000_00)),
    ).toEqual([
      {
        type: 'FundingReceived',
        data: expect.objectContaining({
          applicationId: APPLICATION,
          incomeId: 'i2',
          funder: 'Fondazione Cariplo',
          amount: money('EUR', 5_000_00),
        }),
      },
    ]);
  });

  it('never receives more than was awarded, nor the same income twice', () => {
    expect(() =>
      given(apply, award(15_000_00), receive('i1', 10_000_00)).when(receive('i2', 5_000_01)),
    ).toThrow(expect.objectContaining({ rule: 'income_within_award' }));
    expect(() =>
      given(apply, award(15_000_00), receive('i1', 100)).when(receive('i1', 100)),
    ).toThrow(StateConflict);
  });

  it('brings no money when refused or not yet decided', () => {
    expect(() => given(apply, award(null)).when(receive('i1', 100))).toThrow(
      expect.objectContaining({ rule: 'income_from_awarded_application' }),
    );
    expect(() => given(apply).when(receive('i1', 100))).toThrow(
      expect.objectContaining({ rule: 'income_from_awarded_application' }),
    );
  });

  it('is decided once; an award says how much', () => {
    expect(() => given(apply, award(null)).when(award(100))).toThrow(StateConflict);
    expect(() => given(apply).when({ ...(award(100) as DecideFunding), awarded: null })).toThrow(
      expect.objectContaining({ rule: 'awarded_amount' }),
    );
    expect(() => given().when(award(100))).toThrow(NotFound);
  });
});
