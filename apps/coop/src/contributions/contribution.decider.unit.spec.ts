import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { ContributionEvent, ContributionRecorded } from '@libs/contracts';
import { ContributionCommand, contributionDecider } from './contribution.decider';

type RecordContribution = Extract<ContributionCommand, { type: 'RecordContribution' }>;

const dues = {
  contributionId: 'c-1',
  kind: 'dues',
  quantity: { unit: 'EUR', hundredths: 120_50 },
  period: '2027-03',
  theme: 'mobility',
  source: null,
  status: 'pledged',
  recordedOn: '2027-03-02',
} satisfies Omit<RecordContribution, 'type'>;

const record = (overrides: Partial<RecordContribution> = {}): ContributionCommand => ({
  type: 'RecordContribution',
  ...dues,
  ...overrides,
});
const recorded = (data: Partial<ContributionRecorded['data']> = {}): ContributionEvent => ({
  type: 'ContributionRecorded',
  data: { ...dues, pillar: 'market', ...data },
});
const payPledge = (paidOn: string): ContributionCommand => ({ type: 'PayPledge', paidOn });

const contribution = DeciderSpecification.for(contributionDecider);

describe('a contribution to the pooled fund', () => {
  it('takes its pillar from its kind', () => {
    contribution
      .given()
      .when(record())
      .then([recorded({ pillar: 'market' })]);
    contribution
      .given()
      .when(record({ kind: 'eu_call' }))
      .then([recorded({ kind: 'eu_call', pillar: 'non_market' })]);
    const hours = { unit: 'hours', hundredths: 350 } as const;
    contribution
      .given()
      .when(record({ kind: 'volunteering', quantity: hours }))
      .then([recorded({ kind: 'volunteering', quantity: hours, pillar: 'non_monetary' })]);
  });

  it('counts hours only for non-monetary kinds', () => {
    contribution
      .given()
      .when(record({ kind: 'grant', quantity: { unit: 'hours', hundredths: 100 } }))
      .thenThrows(RuleViolation, { rule: 'time_only_for_non_monetary_kinds' });
  });

  it('a pledge is paid once', () => {
    const paid: ContributionEvent = {
      type: 'PledgePaid',
      data: { contributionId: 'c-1', paidOn: '2027-04-01' },
    };
    contribution
      .given([recorded()])
      .when(payPledge('2027-04-01'))
      .then([paid])
      .andState({ status: 'paid', paidOn: '2027-04-01' });
    contribution.given([recorded(), paid]).when(payPledge('2027-04-02')).thenThrows(StateConflict);
  });

  it('a contribution recorded as paid is not a pledge to pay or cancel', () => {
    const recordedPaid = recorded({ status: 'paid' });
    contribution.given([recordedPaid]).when(payPledge('2027-04-01')).thenThrows(StateConflict);
    contribution
      .given([recordedPaid])
      .when({ type: 'CancelPledge', cancelledOn: '2027-04-01', reason: 'x' })
      .thenThrows(StateConflict);
  });
});
