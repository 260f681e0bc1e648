import { DeciderSpecification, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { FundingApplicationEvent, money } from '@libs/contracts';
import {
  FundingApplicationCommand,
  fundingApplicationDecider,
} from './funding-application.decider';

const APPLICATION = '00000000-0000-4000-8000-0000000000a1';

const application = {
  applicationId: APPLICATION,
  funder: 'Fondazione Cariplo',
  call: 'Welfare di comunità 2027',
  kind: 'grant',
  requested: money('EUR', 20_000_00),
  deadline: '2027-03-31',
  theme: 'civic',
} as const;
const applied: FundingApplicationEvent = {
  type: 'FundingApplied',
  data: { ...application, appliedBy: 'board-1' },
};

/** The board's decision: an award of so many hundredths, or (null) a refusal. */
const decision = (hundredths: number | null) => ({
  outcome: hundredths === null ? ('refused' as const) : ('awarded' as const),
  decidedOn: '2027-05-10',
  awarded: hundredths === null ? null : money('EUR', hundredths),
  reportingDueOn: '2028-01-31',
});
const award = (hundredths: number | null): FundingApplicationCommand => ({
  type: 'DecideFunding',
  ...decision(hundredths),
  by: 'board-1',
});
const decided = (hundredths: number | null): FundingApplicationEvent => ({
  type: 'FundingDecided',
  data: { applicationId: APPLICATION, ...decision(hundredths), decidedBy: 'board-1' },
});

const income = (incomeId: string, hundredths: number) => ({
  incomeId,
  kind: 'grant' as const,
  amount: money('EUR', hundredths),
  receivedOn: '2027-06-01',
});
const receive = (incomeId: string, hundredths: number): FundingApplicationCommand => ({
  type: 'ReceiveFunding',
  ...income(incomeId, hundredths),
  by: 'board-1',
});
const received = (incomeId: string, hundredths: number): FundingApplicationEvent => ({
  type: 'FundingReceived',
  data: {
    applicationId: APPLICATION,
    ...income(incomeId, hundredths),
    funder: 'Fondazione Cariplo',
    recordedBy: 'board-1',
  },
});

const fundingApplication = DeciderSpecification.for(fundingApplicationDecider);

describe('a funding application', () => {
  it('is applied for, then decided by the board', () => {
    fundingApplication
      .given()
      .when({ type: 'ApplyForFunding', ...application, by: 'board-1' })
      .then([applied]);
    fundingApplication
      .given([applied])
      .when(award(15_000_00))
      .then([decided(15_000_00)]);
  });

  it('receives an award in parts, with the funder of the application', () => {
    fundingApplication
      .given([applied, decided(15_000_00), received('i1', 10_000_00)])
      .when(receive('i2', 5_000_00))
      .then([received('i2', 5_000_00)]);
  });

  it('never receives more than was awarded, nor the same income twice', () => {
    fundingApplication
      .given([applied, decided(15_000_00), received('i1', 10_000_00)])
      .when(receive('i2', 5_000_01))
      .thenThrows(RuleViolation, { rule: 'income_within_award' });
    fundingApplication
      .given([applied, decided(15_000_00), received('i1', 100)])
      .when(receive('i1', 100))
      .thenThrows(StateConflict);
  });

  it('brings no money when refused or not yet decided', () => {
    fundingApplication
      .given([applied, decided(null)])
      .when(receive('i1', 100))
      .thenThrows(RuleViolation, { rule: 'income_from_awarded_application' });
    fundingApplication
      .given([applied])
      .when(receive('i1', 100))
      .thenThrows(RuleViolation, { rule: 'income_from_awarded_application' });
  });

  it('is decided once; an award says how much', () => {
    fundingApplication
      .given([applied, decided(null)])
      .when(award(100))
      .thenThrows(StateConflict);
    fundingApplication
      .given([applied])
      .when({ ...award(100), awarded: null } as FundingApplicationCommand)
      .thenThrows(RuleViolation, { rule: 'awarded_amount' });
    fundingApplication.given().when(award(100)).thenThrows(NotFound);
  });
});
