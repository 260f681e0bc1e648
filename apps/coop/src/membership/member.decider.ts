import {
  formatHundredths,
  MemberCategory,
  MembershipEvent,
  MemberExit,
  Money,
  money,
  SealedPersonalData,
} from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { MemberCommand } from './member.commands';
import { checkHoldingBound, nominalTotal } from './holding-bound';
import { checkShareSubscription } from './share-capital';
import { exclusionDates, withdrawalDates } from './member-exit';

export type MemberStatus = 'active' | 'withdrawn' | 'excluded';

export interface Member {
  memberId: string;
  status: MemberStatus;
  category: MemberCategory;
  disadvantaged: boolean;
  admittedOn: string;
  /**
   * Cents of nominal value subscribed, paid up, and reimbursed (or owed back) on exit: sums of the
   * member's movements, kept exact whatever they add up to (the history may predate the bounds).
   */
  subscribed: bigint;
  paid: bigint;
  reimbursed: bigint;
  shareCount: number;
  personalData: SealedPersonalData | null;
  /** When the member's leaving takes effect and its capital falls due; null while a member. */
  exit: MemberExitState | null;
}

/** The exit's reason stays sealed in the state; a view opens it while the member's key lives. */
export type MemberExitState = { effectiveOn: string; reimbursementDueOn: string } & Pick<
  MemberExit,
  'reason' | 'reasonInClear'
>;

/** null: no such member yet. */
export type MemberState = Member | null;

function exitOf(member: Member, exit: MemberExit): Member {
  return {
    ...member,
    reimbursed: member.reimbursed + BigInt(exit.reimbursement.amount.hundredths),
    exit: {
      effectiveOn: exit.effectiveOn,
      reimbursementDueOn: exit.reimbursement.dueOn,
      reason: exit.reason,
      ...(exit.reasonInClear !== undefined && { reasonInClear: exit.reasonInClear }),
    },
  };
}

export function evolve(state: MemberState, event: MembershipEvent): MemberState {
  if (event.type === 'MemberAdmitted') {
    const { memberId, category, disadvantaged, admittedOn, shares, personalData } = event.data;
    return {
      memberId,
      status: 'active',
      category,
      disadvantaged,
      admittedOn,
      subscribed: nominalTotal(shares),
      paid: 0n,
      reimbursed: 0n,
      shareCount: shares.count,
      personalData,
      exit: null,
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'SharesSubscribed': {
      const { shares } = event.data;
      return {
        ...state,
        subscribed: state.subscribed + nominalTotal(shares),
        shareCount: state.shareCount + shares.count,
      };
    }
    case 'CapitalPaid':
      return { ...state, paid: state.paid + BigInt(event.data.amount.hundredths) };
    case 'MemberCategoryChanged':
      return { ...state, category: event.data.category, disadvantaged: event.data.disadvantaged };
    case 'MemberWithdrew':
      return { ...exitOf(state, event.data), status: 'withdrawn' };
    case 'MemberExcluded':
      return { ...exitOf(state, event.data), status: 'excluded' };
    case 'PersonalDataErased':
      return { ...state, personalData: null, exit: state.exit && withoutReason(state.exit) };
  }
}

/** An erased member's exit keeps its dates; its reason, sealed or from before sealing, goes. */
function withoutReason({ effectiveOn, reimbursementDueOn }: MemberExitState): MemberExitState {
  return { effectiveOn, reimbursementDueOn, reason: null };
}

/** Whether anything about the member as a person is still there to erase. */
function holdsPersonalData(member: Member): boolean {
  return (
    member.personalData !== null ||
    (member.exit !== null &&
      (member.exit.reason !== null || member.exit.reasonInClear !== undefined))
  );
}

function disadvantagedOnlyForWorkers(category: MemberCategory, disadvantaged: boolean): void {
  if (disadvantaged && category !== 'worker') {
    throw new RuleViolation(
      'disadvantaged_only_for_workers',
      'only a worker member can be flagged as a disadvantaged person (type B work integration)',
      'L. 381/1991 art. 4',
    );
  }
}

function activeMember(state: MemberState): Member {
  if (!state) throw new NotFound('no such member');
  if (state.status !== 'active') {
    throw new StateConflict(
      `the member has ${state.status === 'withdrawn' ? 'withdrawn' : 'been excluded'}: nothing more can be recorded`,
    );
  }
  return state;
}

function exit(
  member: Member,
  requestedOn: string,
  reason: SealedPersonalData | null,
  dates: { effectiveOn: string; reimbursementDueOn: string },
): MemberExit {
  return {
    memberId: member.memberId,
    requestedOn,
    effectiveOn: dates.effectiveOn,
    reason,
    // Never partial: the whole paid-up capital is owed back (less losses, settled with the accounts).
    // Paid up is at most subscribed, which the holding bound keeps within one amount (and each
    // payment is one amount, so even a history from before the bound stays far below 2^53).
    reimbursement: { amount: money('EUR', Number(member.paid)), dueOn: dates.reimbursementDueOn },
  };
}

export function decide(command: MemberCommand, state: MemberState): MembershipEvent[] {
  if (command.type === 'AdmitMember') {
    if (state) throw new StateConflict(`member ${command.memberId} is already admitted`);
    disadvantagedOnlyForWorkers(command.category, command.disadvantaged);
    checkShareSubscription({
      context: command.shareRules,
      category: command.category,
      on: command.admittedOn,
      shares: command.shares,
      heldBefore: 0n,
    });
    checkHoldingBound(0n, command.shares);
    const { memberId, category, disadvantaged, admittedOn, shares, personalData } = command;
    return [
      {
        type: 'MemberAdmitted',
        data: { memberId, category, disadvantaged, admittedOn, shares, personalData },
      },
    ];
  }

  const member = command.type === 'ErasePersonalData' ? existing(state) : activeMember(state);
  const memberId = member.memberId;
  switch (command.type) {
    case 'SubscribeShares':
      checkShareSubscription({
        context: command.shareRules,
        category: member.category,
        on: command.subscribedOn,
        shares: command.shares,
        heldBefore: member.subscribed,
      });
      checkHoldingBound(member.subscribed, command.shares);
      return [
        {
          type: 'SharesSubscribed',
          data: { memberId, subscribedOn: command.subscribedOn, shares: command.shares },
        },
      ];
    case 'PayCapital':
      paidAtMostSubscribed(member, command.amount);
      return [
        { type: 'CapitalPaid', data: { memberId, paidOn: command.paidOn, amount: command.amount } },
      ];
    case 'ChangeCategory':
      disadvantagedOnlyForWorkers(command.category, command.disadvantaged);
      if (command.category === member.category && command.disadvantaged === member.disadvantaged)
        return [];
      return [
        {
          type: 'MemberCategoryChanged',
          data: {
            memberId,
            changedOn: command.changedOn,
            category: command.category,
            disadvantaged: command.disadvantaged,
          },
        },
      ];
    case 'Withdraw':
      return [
        {
          type: 'MemberWithdrew',
          data: exit(
            member,
            command.requestedOn,
            command.reason,
            withdrawalDates(command.requestedOn, command.accountsApprovedOn),
          ),
        },
      ];
    case 'Exclude':
      return [
        {
          type: 'MemberExcluded',
          data: exit(
            member,
            command.decidedOn,
            command.reason,
            exclusionDates(command.decidedOn, command.accountsApprovedOn),
          ),
        },
      ];
    case 'ErasePersonalData':
      if (!holdsPersonalData(member)) return [];
      return [{ type: 'PersonalDataErased', data: { memberId, erasedOn: command.erasedOn } }];
  }
}

function existing(state: MemberState): Member {
  if (!state) throw new NotFound('no such member');
  return state;
}

function paidAtMostSubscribed(member: Member, amount: Money): void {
  if (amount.unit !== 'EUR') {
    throw new RuleViolation('share_capital_in_eur', 'share capital is paid in EUR');
  }
  if (member.paid + BigInt(amount.hundredths) > member.subscribed) {
    throw new RuleViolation(
      'paid_at_most_subscribed',
      `paid-up capital may not exceed the subscribed capital (${formatHundredths(member.subscribed)} EUR subscribed, ${formatHundredths(member.paid)} EUR already paid)`,
    );
  }
}

export const memberDecider: Decider<MemberState, MemberCommand, MembershipEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
