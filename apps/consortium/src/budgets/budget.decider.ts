import {
  BudgetClosed,
  BudgetEvent,
  Currency,
  formatHundredths,
  Money,
  Theme,
  Vote,
} from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { ConsortiumLegalForm } from '@libs/rules';
import { decision, DecisionRule, Tally } from '../decision-rule';
import { ClosingRequest, closingSplit, eur } from './year-closing';

export type BudgetCommand =
  | { type: 'OpenBudget'; periodId: string; startsOn: string; endsOn: string; by: string }
  | {
      type: 'ProposeAllocation';
      allocationId: string;
      title: string;
      purpose: string;
      theme: Theme | null;
      beneficiaryCoopId: string | null;
      amount: Money;
      by: string;
      /** The member coop whose admin proposes it; null: a board member. */
      byCoop: string | null;
    }
  | {
      type: 'CastVote';
      allocationId: string;
      voter: string;
      vote: Vote;
      rule: DecisionRule;
      boardSize: number;
      /** The period's cash balance by currency, in hundredths (`cash.ts`): money only. */
      cash: Record<Currency, bigint>;
      /** What was paid out so far per allocation (the books): no longer owed, already out of the cash. */
      disbursed?: ReadonlyMap<string, bigint>;
    }
  | ({
      type: 'CloseBudget';
      closedOn: string;
      /** The day the closing is asked: a period closes only once it has ended. */
      today: string;
      /** The consortium's own form: its law splits the result. */
      form: ConsortiumLegalForm;
      netResult: number;
    } & ClosingRequest);

export interface Allocation {
  allocationId: string;
  title: string;
  theme: Theme | null;
  amount: Money;
  status: 'proposed' | 'approved' | 'rejected';
  votes: Record<string, Vote>;
  /** The coop it is for: the board's decisions on it are stamped with it. */
  beneficiaryCoopId: string | null;
  /** The member coop that proposed it; null: a board member. */
  proposedByCoopId: string | null;
}

export interface BudgetState {
  periodId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  closed: boolean;
  /** The year's closing, once recorded. */
  closing: BudgetClosed['data'] | null;
  allocations: Record<string, Allocation>;
}

export function tallyOf(allocation: Allocation): Tally {
  const tally: Tally = { for: 0, against: 0, abstain: 0 };
  for (const vote of Object.values(allocation.votes)) tally[vote] += 1;
  return tally;
}

/**
 * What the budget may still approve per currency: the cash balance less what the approved
 * allocations still owe (their amount less what was disbursed on them). Exact: BigInt.
 */
export function available(
  state: BudgetState,
  cashBalance: Record<Currency, bigint>,
  disbursed: ReadonlyMap<string, bigint> = new Map(),
): Record<Currency, bigint> {
  const left = { ...cashBalance };
  for (const allocation of Object.values(state.allocations)) {
    if (allocation.status === 'approved')
      left[allocation.amount.unit] -=
        BigInt(allocation.amount.hundredths) - (disbursed.get(allocation.allocationId) ?? 0n);
  }
  return left;
}

export function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'BudgetOpened':
      return {
        ...state,
        periodId: event.data.periodId,
        startsOn: event.data.startsOn,
        endsOn: event.data.endsOn,
      };
    case 'AllocationProposed': {
      const { allocationId, title, theme, amount, beneficiaryCoopId } = event.data;
      return {
        ...state,
        allocations: {
          ...state.allocations,
          [allocationId]: {
            allocationId,
            title,
            theme,
            amount,
            status: 'proposed',
            votes: {},
            beneficiaryCoopId,
            proposedByCoopId: event.data.proposedByCoopId ?? null,
          },
        },
      };
    }
    case 'VoteCast':
    case 'AllocationDecided': {
      const allocation = state.allocations[event.data.allocationId];
      const next =
        event.type === 'VoteCast'
          ? { ...allocation, votes: { ...allocation.votes, [event.data.voter]: event.data.vote } }
          : { ...allocation, status: event.data.outcome };
      return { ...state, allocations: { ...state.allocations, [allocation.allocationId]: next } };
    }
    case 'BudgetClosed':
      return { ...state, closed: true, closing: event.data };
  }
}

function openBudget(state: BudgetState): void {
  if (!state.periodId) throw new NotFound('no such budget period');
  if (state.closed) throw new StateConflict(`budget ${state.periodId} is closed`);
}

/**
 * A year is closed on its accounts: not before the period has ended (neither by the clock nor by
 * the date the closing records), nor while an allocation of it still waits for the board's vote.
 */
function closablePeriod(state: BudgetState, today: string, closedOn: string): void {
  const endsOn = state.endsOn!;
  if (today <= endsOn || closedOn <= endsOn) {
    throw new RuleViolation(
      'period_not_ended',
      `period ${state.periodId} ends on ${endsOn}: it closes after that day`,
    );
  }
  const undecided = Object.values(state.allocations).filter((a) => a.status === 'proposed');
  if (undecided.length > 0) {
    throw new RuleViolation(
      'allocations_undecided',
      `the board has still to decide ${undecided.map((a) => a.allocationId).join(', ')} before the year closes`,
    );
  }
}

export function decide(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  if (command.type === 'OpenBudget') {
    if (state.periodId) throw new StateConflict(`budget ${command.periodId} is already open`);
    const { periodId, startsOn, endsOn, by } = command;
    return [{ type: 'BudgetOpened', data: { periodId, startsOn, endsOn, openedBy: by } }];
  }
  openBudget(state);
  const periodId = state.periodId!;
  switch (command.type) {
    case 'ProposeAllocation': {
      if (state.allocations[command.allocationId])
        throw new StateConflict('this allocation is already proposed');
      if (command.amount.hundredths <= 0) {
        throw new RuleViolation('allocation_positive', 'an allocation spends more than nothing');
      }
      const { type: _type, by, byCoop, ...data } = command;
      return [
        {
          type: 'AllocationProposed',
          data: {
            ...data,
            periodId,
            proposedBy: by,
            ...(byCoop ? { proposedByCoopId: byCoop } : {}),
          },
        },
      ];
    }
    case 'CastVote': {
      const allocation = state.allocations[command.allocationId];
      if (!allocation) throw new NotFound('no such allocation in this budget');
      if (allocation.status !== 'proposed')
        throw new StateConflict(`the allocation is already ${allocation.status}`);
      if (allocation.votes[command.voter]) {
        throw new StateConflict(
          `${command.voter} has already voted on this allocation: one vote per board member`,
        );
      }
      const cast: BudgetEvent = {
        type: 'VoteCast',
        data: {
          periodId,
          allocationId: allocation.allocationId,
          voter: command.voter,
          vote: command.vote,
        },
      };
      const tally = tallyOf({
        ...allocation,
        votes: { ...allocation.votes, [command.voter]: command.vote },
      });
      const outcome = decision(command.rule, tally, command.boardSize);
      if (!outcome) return [cast];
      if (outcome === 'approved') {
        const { unit, hundredths } = allocation.amount;
        const left = available(state, command.cash, command.disbursed)[unit];
        if (BigInt(hundredths) > left) {
          throw new RuleViolation(
            'allocation_within_available_balance',
            `approving ${formatHundredths(hundredths)} ${unit} would take the available ${unit} balance (${formatHundredths(left)}) below zero`,
          );
        }
      }
      return [
        cast,
        {
          type: 'AllocationDecided',
          data: {
            periodId,
            allocationId: allocation.allocationId,
            outcome,
            tally,
            boardSize: command.boardSize,
          },
        },
      ];
    }
    case 'CloseBudget': {
      closablePeriod(state, command.today, command.closedOn);
      const split = closingSplit(command.form, command.netResult, command, command.closedOn);
      return [
        {
          type: 'BudgetClosed',
          data: {
            periodId,
            closedOn: command.closedOn,
            netResult: eur(command.netResult),
            legalReserve: eur(split.legalReserve),
            mutualFund: eur(split.mutualFund),
            dividends: eur(split.dividends),
            form: command.form,
            remainder: split.remainder.map((line) => ({
              purpose: line.purpose,
              amount: eur(line.amount),
              indivisible: line.indivisible,
            })),
          },
        },
      ];
    }
  }
}

export const budgetDecider: Decider<BudgetState, BudgetCommand, BudgetEvent> = {
  initialState: () => ({
    periodId: null,
    startsOn: null,
    endsOn: null,
    closed: false,
    closing: null,
    allocations: {},
  }),
  evolve,
  decide,
};
