import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CURRENCIES, Currency, formatHundredths, Money, Theme, Vote } from '@libs/contracts';
import { NotFound, RuleViolation } from '@libs/aggregates';
import { CommandMeta, MoneyDto, moneyJson, MoneyJson, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { BudgetChange, BudgetHandler } from './budget.command-handler';
import { BOARD, Board } from '../board';
import { CONSORTIUM_FORM } from '../consortium-form';
import { ConsortiumLegalForm } from '@libs/rules';
import { closeBudgetCommand } from './year-closing.command';
import { eur } from './year-closing';
import { Allocation, available, BudgetCommand, BudgetState, tallyOf } from './budget.decider';
import { CloseBudgetDto, OpenBudgetDto, ProposeAllocationDto, VoteDto } from './budgets.dto';
import { cashBalances, cashOf } from './cash';
import { BooksQueries, PeriodBooks } from '../books';
import type { AllocationToPay } from '../books';
import { PeriodIncome, PooledMeansQueries } from '../pooled-means';
import { AllocationIndex } from './allocation-index';
import { totalLine } from '../pooled-means';
import type { TotalLine } from '../pooled-means';

export interface BudgetView {
  periodId: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  /** Money contributed for the period (market and non_market pillars), per currency. */
  income: TotalLine[];
  /** Non-monetary contributions valued in money: shown, never spendable. */
  nonMonetaryValuation: TotalLine[];
  /** The day the cash figures are read as of (today unless asked otherwise). */
  asOf: string;
  cash: { currency: Currency; received: string; disbursed: string; balance: string }[];
  allocations: {
    allocationId: string;
    title: string;
    theme: Theme | null;
    status: 'proposed' | 'approved' | 'rejected';
    amount: MoneyJson;
    /** Paid out on it so far: the budget against the actual. */
    disbursed: MoneyJson;
    votes: { for: number; against: number; abstain: number };
    /** Who voted what, in the order the votes were cast: a board's votes are on its minutes. */
    ballots: { voter: string; vote: Vote }[];
    /** The member coop whose admin proposed it; null: a board member. */
    proposedBy: { coopId: string } | null;
  }[];
  /** Cash balance − approved not yet disbursed, per currency. */
  available: MoneyJson[];
  /** Budget against actual per theme (null: no theme) and currency: approved, and disbursed. */
  byTheme: { theme: Theme | null; currency: Currency; approved: string; disbursed: string }[];
  closing: {
    closedOn: string;
    netResult: MoneyJson;
    legalReserve: MoneyJson;
    mutualFund: MoneyJson;
    /** The law the closing followed: the consortium's form when it closed. */
    form: 'consorzio' | 'scic';
    dividends: MoneyJson;
    remainder: { purpose: string; amount: MoneyJson; indivisible: boolean }[];
  } | null;
}

type AllocationView = BudgetView['allocations'][number];

@Injectable()
export class BudgetsService {
  constructor(
    private readonly budgetHandler: BudgetHandler,
    private readonly commandBus: CommandBus,
    private readonly pooled: PooledMeansQueries,
    private readonly allocations: AllocationIndex,
    private readonly books: BooksQueries,
    @Inject(BOARD) private readonly board: Board,
    @Inject(CONSORTIUM_FORM) private readonly consortiumForm: ConsortiumLegalForm,
  ) {}

  open(dto: OpenBudgetDto, meta: CommandMeta) {
    const year = /^\d{4}$/.test(dto.periodId) ? dto.periodId : null;
    const startsOn = dto.startsOn ?? (year && `${year}-01-01`);
    const endsOn = dto.endsOn ?? (year && `${year}-12-31`);
    if (!startsOn || !endsOn || endsOn < startsOn) {
      throw new RuleViolation(
        'budget_period_dates',
        'a period that is not a year needs startsOn ≤ endsOn',
      );
    }
    return this.run(dto.periodId, meta, {
      type: 'OpenBudget',
      periodId: dto.periodId,
      startsOn,
      endsOn,
      by: meta.actor,
    });
  }

  /** `byCoop`: the member coop whose admin proposes it (null: a board member). */
  async propose(
    periodId: string,
    dto: ProposeAllocationDto,
    meta: CommandMeta,
    byCoop: string | null = null,
  ) {
    const allocationId = dto.allocationId ?? randomUUID();
    await this.run(
      periodId,
      meta,
      {
        type: 'ProposeAllocation',
        allocationId,
        title: dto.title,
        purpose: dto.purpose,
        theme: dto.theme ?? null,
        beneficiaryCoopId: dto.beneficiaryCoopId ?? null,
        amount: MoneyDto.toMoney(dto.amount),
        by: meta.actor,
        byCoop,
      },
      dto.beneficiaryCoopId ?? null,
    );
    return { allocationId };
  }

  /** Records the vote and answers the allocation as it now stands (decided or not). */
  async vote(allocationId: string, dto: VoteDto, meta: CommandMeta): Promise<AllocationView> {
    const periodId = await this.allocations.periodOf(allocationId);
    const { state } = await this.load(periodId);
    const { cash, books } = await this.cash(state, today());
    // Stamped with the coop it is for, as its proposal was: that coop's app follows the decision.
    const { state: after } = await this.run(
      periodId,
      meta,
      {
        type: 'CastVote',
        allocationId,
        voter: meta.actor,
        vote: dto.vote,
        rule: this.board.rule,
        boardSize: this.board.members.length,
        cash: cashBalances(cash),
        disbursed: books.disbursedByAllocation,
      },
      state.allocations[allocationId]?.beneficiaryCoopId ?? null,
    );
    return allocationView(after.allocations[allocationId], books);
  }

  /**
   * What the books need to pay an allocation on `paidOn`: its period, the allocation as decided,
   * and the money the period had received by then per currency (member coops' and the
   * consortium's own): no payment is made with money that came in later.
   */
  async toPay(
    allocationId: string,
    paidOn: string,
  ): Promise<{
    periodId: string;
    allocation: AllocationToPay;
    /** The coop the allocation is for: its payments are stamped with it. */
    beneficiaryCoopId: string | null;
    received: Record<Currency, bigint>;
  }> {
    const periodId = await this.allocations.periodOf(allocationId);
    const { state } = await this.load(periodId);
    const allocation = state.allocations[allocationId];
    if (!allocation) throw new NotFound(`no allocation ${allocationId}`);
    const { cash } = await this.cash(state, paidOn);
    return {
      periodId,
      allocation: {
        allocationId,
        status: allocation.status,
        amount: allocation.amount,
        theme: allocation.theme,
      },
      beneficiaryCoopId: allocation.beneficiaryCoopId,
      received: { EUR: cash.EUR.received, SOL: cash.SOL.received },
    };
  }

  private async cash(state: BudgetState, asOf: string) {
    const [income, books] = await Promise.all([
      this.pooled.periodIncome(state.startsOn!, state.endsOn!, asOf),
      this.books.period(state.periodId!, state.startsOn!, state.endsOn!, asOf),
    ]);
    return { income, books, cash: cashOf(income, books) };
  }

  close(periodId: string, dto: CloseBudgetDto, meta: CommandMeta) {
    return this.run(periodId, meta, closeBudgetCommand(dto, this.consortiumForm));
  }

  async view(periodId: string, asOf: string = today()): Promise<BudgetView> {
    return this.viewOf((await this.load(periodId)).state, asOf);
  }

  /**
   * The period as the board reads it, from the budget's state (loaded, or just changed), its cash
   * as recorded up to the end of `asOf`.
   */
  async viewOf(state: BudgetState, asOf: string = today()): Promise<BudgetView> {
    const periodId = state.periodId!;
    const { income, books, cash } = await this.cash(state, asOf);
    const left = available(state, cashBalances(cash), books.disbursedByAllocation);
    const allocations = Object.values(state.allocations);
    return {
      periodId,
      asOf,
      startsOn: state.startsOn!,
      endsOn: state.endsOn!,
      status: state.closed ? 'closed' : 'open',
      income: currencyLines(income.money),
      nonMonetaryValuation: currencyLines(income.nonMonetaryValuation),
      cash: CURRENCIES.map((currency) => ({
        currency,
        received: formatHundredths(cash[currency].received),
        disbursed: formatHundredths(cash[currency].disbursed),
        balance: formatHundredths(cash[currency].balance),
      })),
      allocations: allocations.map((allocation) => allocationView(allocation, books)),
      available: CURRENCIES.map((unit) => moneyJson(unit, left[unit])),
      byTheme: budgetAgainstActual(allocations, books),
      closing: state.closing && {
        closedOn: state.closing.closedOn,
        netResult: json(state.closing.netResult),
        legalReserve: json(state.closing.legalReserve),
        mutualFund: json(state.closing.mutualFund),
        form: state.closing.form ?? 'consorzio',
        dividends: json(state.closing.dividends ?? eur(0)),
        remainder: state.closing.remainder.map((line) => ({
          purpose: line.purpose,
          amount: json(line.amount),
          indivisible: line.indivisible ?? false,
        })),
      },
    };
  }

  private async load(periodId: string): Promise<{ state: BudgetState; version: number }> {
    const loaded = await this.budgetHandler.current(periodId);
    if (!loaded.state.periodId) throw new NotFound(`no budget period ${periodId}`);
    return loaded;
  }

  private run(
    periodId: string,
    meta: CommandMeta,
    command: BudgetCommand,
    aboutCoop: string | null = null,
  ) {
    return this.commandBus.execute(new BudgetChange(periodId, command, meta, { aboutCoop }));
  }
}

function currencyLines(sums: PeriodIncome['money']): TotalLine[] {
  return CURRENCIES.map((unit) => totalLine(unit, sums[unit]));
}

/** Per theme and currency: what the approved allocations spend, and what was paid out on them. */
function budgetAgainstActual(allocations: Allocation[], books: PeriodBooks): BudgetView['byTheme'] {
  const lines = new Map<
    string,
    { theme: Theme | null; currency: Currency; approved: bigint; disbursed: bigint }
  >();
  for (const allocation of allocations) {
    if (allocation.status !== 'approved') continue;
    const currency = allocation.amount.unit;
    const id = `${allocation.theme ?? ''}/${currency}`;
    const line = lines.get(id) ?? {
      theme: allocation.theme,
      currency,
      approved: 0n,
      disbursed: 0n,
    };
    line.approved += BigInt(allocation.amount.hundredths);
    line.disbursed += books.disbursedByAllocation.get(allocation.allocationId) ?? 0n;
    lines.set(id, line);
  }
  return [...lines.keys()].sort().map((id) => {
    const line = lines.get(id)!;
    return {
      theme: line.theme,
      currency: line.currency,
      approved: formatHundredths(line.approved),
      disbursed: formatHundredths(line.disbursed),
    };
  });
}

function allocationView(allocation: Allocation, books: PeriodBooks): AllocationView {
  return {
    allocationId: allocation.allocationId,
    title: allocation.title,
    theme: allocation.theme,
    status: allocation.status,
    amount: json(allocation.amount),
    disbursed: moneyJson(
      allocation.amount.unit,
      books.disbursedByAllocation.get(allocation.allocationId) ?? 0n,
    ),
    votes: tallyOf(allocation),
    ballots: Object.entries(allocation.votes).map(([voter, vote]) => ({ voter, vote })),
    proposedBy: allocation.proposedByCoopId ? { coopId: allocation.proposedByCoopId } : null,
  };
}

function json(amount: Money): MoneyJson {
  return moneyJson(amount.unit, amount.hundredths);
}
