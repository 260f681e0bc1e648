import { RuleViolation, StateConflict } from '@libs/aggregates';
import { ContributionEvent } from '@libs/contracts';
import { ContributionCommand, ContributionState, decide, evolve } from './contribution.decider';

const record = (
  overrides: Partial<Extract<ContributionCommand, { type: 'RecordContribution' }>> = {},
) =>
  ({
    type: 'RecordContribution',
    contributionId: 'c-1',
    kind: 'dues',
    quantity: { unit: 'EUR', hundredths: 120_50 },
    period: '2027-03',
    theme: 'mobility',
    source: null,
    status: 'pledged',
    recordedOn: '2027-03-02',
    ...overrides,
  }) as ContributionCommand;

function run(...commands: ContributionCommand[]): {
  state: ContributionState;
  events: ContributionEvent[];
} {
  let state: ContributionState = null;
  const events: ContributionEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return { state, events };
}

describe('a contribution to the pooled fund', () => {
  it('takes its pillar from its kind', () => {
    expect(run(record()).events[0].data).toMatchObject({ pillar: 'market' });
    expect(run(record({ kind: 'eu_call' })).events[0].data).toMatchObject({ pillar: 'non_market' });
    const hours = record({ kind: 'volunteering', quantity: { unit: 'hours', hundredths: 350 } });
    expect(run(hours).events[0].data).toMatchObject({
      pillar: 'non_monetary',
      quantity: { unit: 'hours', hundredths: 350 },
    });
  });

  it('counts hours only for non-monetary kinds', () => {
    expect(() =>
      run(record({ kind: 'grant', quantity: { unit: 'hours', hundredths: 100 } })),
    ).toThrow(RuleViolation);
  });

  it('a pledge is paid once', () => {
    const { state } = run(record(), { type: 'PayPledge', paidOn: '2027-04-01' });
    expect(state?.status).toBe('paid');
    expect(() =>
      run(
        record(),
        { type: 'PayPledge', paidOn: '2027-04-01' },
        { type: 'PayPledge', paidOn: '2027-04-02' },
      ),
    ).toThrow(StateConflict);
  });

  it('a contribution recorded as paid is not a pledge to pay or cancel', () => {
    expect(() =>
      run(record({ status: 'paid' }), {
        type: 'CancelPledge',
        cancelledOn: '2027-04-01',
        reason: 'x',
      }),
    ).toThrow(StateConflict);
  });
});
