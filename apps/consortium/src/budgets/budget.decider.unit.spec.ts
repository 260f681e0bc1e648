import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { BudgetEvent, Currency, money, Vote } from '@libs/contracts';
import { BudgetCommand, budgetDecider } from './budget.decider';
import { DEFAULT_DECISION_RULE } from '../decision-rule';

const PERIOD = '2027';
const cash = { EUR: 1_000_00n, SOL: 200_00n };

const opened: BudgetEvent = {
  type: 'BudgetOpened',
  data: { periodId: PERIOD, startsOn: '2027-01-01', endsOn: '2027-12-31', openedBy: 'chair' },
};

const allocation = (allocationId: string, hundredths: number, currency: Currency) => ({
  allocationId,
  title: `allocation ${allocationId}`,
  purpose: 'shared accounting service',
  theme: null,
  beneficiaryCoopId: null,
  amount: money(currency, hundredths),
});
type ProposeAllocation = Extract<BudgetCommand, { type: 'ProposeAllocation' }>;
const propose = (allocationId: string, hundredths: number): ProposeAllocation => ({
  type: 'ProposeAllocation',
  ...allocation(allocationId, hundredths, 'EUR'),
  by: 'chair',
  byCoop: null,
});
const proposed = (
  allocationId: string,
  hundredths: number,
  currency: Currency = 'EUR',
): BudgetEvent => ({
  type: 'AllocationProposed',
  data: {
    ...allocation(allocationId, hundredths, currency),
    periodId: PERIOD,
    proposedBy: 'chair',
  },
});

/** A vote of a board of three, on the period's cash (and, once paid out, what was disbursed). */
const vote = (
  allocationId: string,
  voter: string,
  v: Vote,
  books: Pick<Extract<BudgetCommand, { type: 'CastVote' }>, 'cash' | 'disbursed'> = { cash },
): BudgetCommand => ({
  type: 'CastVote',
  allocationId,
  voter,
  vote: v,
  rule: DEFAULT_DECISION_RULE,
  boardSize: 3,
  ...books,
});
const voted = (allocationId: string, voter: string, v: Vote): BudgetEvent => ({
  type: 'VoteCast',
  data: { periodId: PERIOD, allocationId, voter, vote: v },
});
/** Two of three board members vote alike: the allocation is decided. */
const decided = (allocationId: string, outcome: 'approved' | 'rejected'): BudgetEvent => ({
  type: 'AllocationDecided',
  data: {
    periodId: PERIOD,
    allocationId,
    outcome,
    tally: {
      for: outcome === 'approved' ? 2 : 0,
      against: outcome === 'rejected' ? 2 : 0,
      abstain: 0,
    },
    boardSize: 3,
  },
});
/** An allocation the chair and the treasurer decided on. */
const decidedByTwo = (
  allocationId: string,
  hundredths: number,
  outcome: 'approved' | 'rejected',
) => {
  const v = outcome === 'approved' ? 'for' : 'against';
  return [
    proposed(allocationId, hundredths),
    voted(allocationId, 'chair', v),
    voted(allocationId, 'treasurer', v),
    decided(allocationId, outcome),
  ];
};

const close = (closedOn: string, today = closedOn): BudgetCommand => ({
  type: 'CloseBudget',
  closedOn,
  today,
  form: 'consorzio',
  netResult: 10_000_00,
});
const eur = (hundredths: number) => money('EUR', hundredths);
/** A consorzio's 10,000.00 EUR result: 30% legal reserve, 3% mutual fund, the rest indivisible. */
const closed = (closedOn: string): BudgetEvent => ({
  type: 'BudgetClosed',
  data: {
    periodId: PERIOD,
    closedOn,
    netResult: eur(10_000_00),
    legalReserve: eur(3_000_00),
    mutualFund: eur(300_00),
    dividends: eur(0),
    form: 'consorzio',
    remainder: [{ purpose: 'indivisible reserve', amount: eur(6_700_00), indivisible: true }],
  },
});

const budget = DeciderSpecification.for(budgetDecider);

describe('a budget period', () => {
  it('records who proposed an allocation: a member coop, or (by default) the board', () => {
    budget
      .given([opened, proposed('a1', 600_00)])
      .when({ ...propose('a2', 300_00), by: 'velo-admin', byCoop: 'velo-solidaire' })
      .then([
        {
          type: 'AllocationProposed',
          data: {
            ...proposed('a2', 300_00).data,
            proposedBy: 'velo-admin',
            proposedByCoopId: 'velo-solidaire',
          },
        } as BudgetEvent,
      ])
      .andState({
        allocations: { a1: { proposedByCoopId: null }, a2: { proposedByCoopId: 'velo-solidaire' } },
      });
  });

  it('approves an allocation when two of three board members vote for it', () => {
    budget
      .given([opened, proposed('a1', 600_00), voted('a1', 'chair', 'for')])
      .when(vote('a1', 'treasurer', 'for'))
      .then([voted('a1', 'treasurer', 'for'), decided('a1', 'approved')])
      .andState({ allocations: { a1: { status: 'approved' } } });
  });

  it('counts one vote per board member', () => {
    budget
      .given([opened, proposed('a1', 600_00), voted('a1', 'chair', 'for')])
      .when(vote('a1', 'chair', 'for'))
      .thenThrows(StateConflict);
  });

  it('refuses an approval beyond the available balance of its currency', () => {
    budget
      .given([
        opened,
        ...decidedByTwo('a1', 600_00, 'approved'),
        proposed('a2', 400_01),
        voted('a2', 'chair', 'for'),
      ])
      .when(vote('a2', 'treasurer', 'for'))
      .thenThrows(RuleViolation, { rule: 'allocation_within_available_balance' });
    // SOL is a balance of its own: never summed with EUR.
    budget
      .given([
        opened,
        ...decidedByTwo('a1', 600_00, 'approved'),
        proposed('s1', 200_00, 'SOL'),
        voted('s1', 'chair', 'for'),
      ])
      .when(vote('s1', 'treasurer', 'for'))
      .then([voted('s1', 'treasurer', 'for'), decided('s1', 'approved')])
      .andState({ allocations: { s1: { status: 'approved' } } });
  });

  it('counts what an approved allocation still owes, once part of it was paid out', () => {
    // 600 approved, 250 of it paid: the cash is 1,000 − 250 = 750, of which 350 still owed.
    const afterPayment = {
      cash: { EUR: 750_00n, SOL: 200_00n },
      disbursed: new Map([['a1', 250_00n]]),
    };
    const approved = [opened, ...decidedByTwo('a1', 600_00, 'approved')];
    budget
      .given([...approved, proposed('a2', 400_01), voted('a2', 'chair', 'for')])
      .when(vote('a2', 'treasurer', 'for', afterPayment))
      .thenThrows(RuleViolation, { rule: 'allocation_within_available_balance' });
    budget
      .given([...approved, proposed('a2', 400_00), voted('a2', 'chair', 'for')])
      .when(vote('a2', 'treasurer', 'for', afterPayment))
      .then([voted('a2', 'treasurer', 'for'), decided('a2', 'approved')])
      .andState({ allocations: { a2: { status: 'approved' } } });
  });

  it('takes no votes once decided, and nothing once closed', () => {
    budget
      .given([opened, proposed('a1', 100_00), voted('a1', 'chair', 'against')])
      .when(vote('a1', 'treasurer', 'against'))
      .then([voted('a1', 'treasurer', 'against'), decided('a1', 'rejected')])
      .andState({ allocations: { a1: { status: 'rejected' } } });
    budget
      .given([opened, ...decidedByTwo('a1', 100_00, 'rejected')])
      .when(vote('a1', 'secretary', 'for'))
      .thenThrows(StateConflict);
    budget
      .given([opened, closed('2028-04-30')])
      .when(propose('a9', 1_00))
      .thenThrows(StateConflict);
  });

  it('closes a year only once its period has ended', () => {
    // By the clock and by the date the closing records: not on the last day, the day after.
    budget
      .given([opened])
      .when(close('2027-12-31', '2028-01-05'))
      .thenThrows(RuleViolation, { rule: 'period_not_ended' });
    budget
      .given([opened])
      .when(close('2028-01-01', '2027-12-31'))
      .thenThrows(RuleViolation, { rule: 'period_not_ended' });
    budget
      .given([opened])
      .when(close('2028-01-01', '2028-01-01'))
      .then([closed('2028-01-01')]);
  });

  it('closes a year only once the board has decided every allocation of it', () => {
    budget
      .given([opened, proposed('a1', 1_00)])
      .when(close('2028-04-30'))
      .thenThrows(RuleViolation, { rule: 'allocations_undecided' });
    budget
      .given([opened, ...decidedByTwo('a1', 1_00, 'rejected')])
      .when(close('2028-04-30'))
      .then([closed('2028-04-30')])
      .andState({ closed: true });
  });
});
