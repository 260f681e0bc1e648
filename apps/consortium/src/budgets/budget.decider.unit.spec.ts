import { BudgetEvent, money } from '@libs/contracts';
import { RuleViolation, StateConflict } from '@libs/aggregates';
import { BudgetCommand, budgetDecider, BudgetState, decide, evolve } from './budget.decider';
import { DEFAULT_DECISION_RULE } from '../decision-rule';

const cash = { EUR: 1_000_00n, SOL: 200_00n };
const vote = (
  allocationId: string,
  voter: string,
  v: 'for' | 'against' | 'abstain',
): BudgetCommand => ({
  type: 'CastVote',
  allocationId,
  voter,
  vote: v,
  rule: DEFAULT_DECISION_RULE,
  boardSize: 3,
  cash,
});
type ProposeAllocation = Extract<BudgetCommand, { type: 'ProposeAllocation' }>;
const propose = (
  allocationId: string,
  hundredths: number,
  currency: 'EUR' | 'SOL' = 'EUR',
): ProposeAllocation => ({
  type: 'ProposeAllocation',
  allocationId,
  title: `allocation ${allocationId}`,
  purpose: 'shared accounting service',
  theme: null,
  beneficiaryCoopId: null,
  amount: money(currency, hundredths),
  by: 'chair',
  byCoop: null,
});
const open: BudgetCommand = {
  type: 'OpenBudget',
  periodId: '2027',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  by: 'chair',
};

function run(...commands: BudgetCommand[]): { state: BudgetState; events: BudgetEvent[] } {
  let state = budgetDecider.initialState();
  const events: BudgetEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return { state, events };
}

const close = (closedOn: string, today = closedOn): BudgetCommand => ({
  type: 'CloseBudget',
  closedOn,
  today,
  form: 'consorzio',
  netResult: 10_000_00,
});

describe('a budget period', () => {
  it('records who proposed an allocation: a member coop, or (by default) the board', () => {
    const fromCoop: ProposeAllocation = {
      ...propose('a2', 300_00),
      by: 'velo-admin',
      byCoop: 'velo-solidaire',
    };
    const { state, events } = run(open, propose('a1', 600_00), fromCoop);
    expect(events[1].data).not.toHaveProperty('proposedByCoopId');
    expect(events[2].data).toMatchObject({
      proposedBy: 'velo-admin',
      proposedByCoopId: 'velo-solidaire',
    });
    expect(state.allocations.a1.proposedByCoopId).toBeNull();
    expect(state.allocations.a2.proposedByCoopId).toBe('velo-solidaire');
  });

  it('approves an allocation when two of three board members vote for it', () => {
    const { state } = run(
      open,
      propose('a1', 600_00),
      vote('a1', 'chair', 'for'),
      vote('a1', 'treasurer', 'for'),
    );
    expect(state.allocations.a1.status).toBe('approved');
  });

  it('counts one vote per board member', () => {
    expect(() =>
      run(open, propose('a1', 600_00), vote('a1', 'chair', 'for'), vote('a1', 'chair', 'for')),
    ).toThrow(StateConflict);
  });

  it('refuses an approval beyond the available balance of its currency', () => {
    let error: unknown;
    try {
      run(
        open,
        propose('a1', 600_00),
        vote('a1', 'chair', 'for'),
        vote('a1', 'treasurer', 'for'),
        propose('a2', 400_01),
        vote('a2', 'chair', 'for'),
        vote('a2', 'treasurer', 'for'),
      );
    } catch (e) {
      error = e;
    }
    expect((error as RuleViolation).rule).toBe('allocation_within_available_balance');
    // SOL is a balance of its own: never summed with EUR.
    const { state } = run(
      open,
      propose('s1', 200_00, 'SOL'),
      vote('s1', 'chair', 'for'),
      vote('s1', 'treasurer', 'for'),
    );
    expect(state.allocations.s1.status).toBe('approved');
  });

  it('counts what an approved allocation still owes, once part of it was paid out', () => {
    // 600 approved, 250 of it paid: the cash is 1,000 − 250 = 750, of which 350 still owed.
    const paid = new Map([['a1', 250_00n]]);
    const afterPayment = (v: BudgetCommand) =>
      ({ ...v, cash: { EUR: 750_00n, SOL: 200_00n }, disbursed: paid }) as BudgetCommand;
    const approved = [
      open,
      propose('a1', 600_00),
      vote('a1', 'chair', 'for'),
      vote('a1', 'treasurer', 'for'),
    ];
    expect(() =>
      run(
        ...approved,
        propose('a2', 400_01),
        afterPayment(vote('a2', 'chair', 'for')),
        afterPayment(vote('a2', 'treasurer', 'for')),
      ),
    ).toThrow(expect.objectContaining({ rule: 'allocation_within_available_balance' }));
    const { state } = run(
      ...approved,
      propose('a2', 400_00),
      afterPayment(vote('a2', 'chair', 'for')),
      afterPayment(vote('a2', 'treasurer', 'for')),
    );
    expect(state.allocations.a2.status).toBe('approved');
  });

  it('takes no votes once decided, and nothing once closed', () => {
    const decided = [
      open,
      propose('a1', 100_00),
      vote('a1', 'chair', 'against'),
      vote('a1', 'treasurer', 'against'),
    ];
    expect(run(...decided).state.allocations.a1.status).toBe('rejected');
    expect(() => run(...decided, vote('a1', 'secretary', 'for'))).toThrow(StateConflict);
    const closed = [open, close('2028-04-30')];
    expect(() => run(...closed, propose('a9', 1_00))).toThrow(StateConflict);
  });

  it('closes a year only once its period has ended', () => {
    const rule = (command: BudgetCommand) => {
      try {
        run(open, command);
      } catch (error) {
        return (error as RuleViolation).rule;
      }
      return 'none';
    };
    // By the clock and by the date the closing records: not on the last day, the day after.
    expect(rule(close('2027-12-31', '2028-01-05'))).toBe('period_not_ended');
    expect(rule(close('2028-01-01', '2027-12-31'))).toBe('period_not_ended');
    expect(rule(close('2028-01-01', '2028-01-01'))).toBe('none');
  });

  it('closes a year only once the board has decided every allocation of it', () => {
    expect(() => run(open, propose('a1', 1_00), close('2028-04-30'))).toThrow(
      expect.objectContaining({ rule: 'allocations_undecided' }),
    );
    const decided = run(
      open,
      propose('a1', 1_00),
      vote('a1', 'chair', 'against'),
      vote('a1', 'treasurer', 'against'),
      close('2028-04-30'),
    );
    expect(decided.state.closed).toBe(true);
  });
});
