import { MemberCategory } from '@libs/contracts';
import { MoneyJson, moneyJson } from '@libs/api-conventions';
import { addDays } from '@libs/rules';
import { Member, MemberStatus } from './member.decider';
import { VOTING_SENIORITY_DAYS } from '@libs/rules';
import { MemberInClear } from './personal-data/member-in-clear';

/** A member as the API shows it. */
export interface MemberView {
  memberId: string;
  category: MemberCategory;
  disadvantaged: boolean;
  status: MemberStatus;
  admittedOn: string;
  /** Enrolled for at least 90 days and still a member (c.c. art. 2538). */
  mayVote: boolean;
  shares: { count: number; subscribed: MoneyJson; paid: MoneyJson; reimbursed: MoneyJson };
  displayName: string | null;
  email: string | null;
  /** The exit's reason in clear while the member's key lives; null once erased. */
  exit: { effectiveOn: string; reimbursementDueOn: string; reason: string | null } | null;
  /** The member's version, also its ETag: send it back in If-Match to change the member. */
  version: number;
}

/** `seniorityDays`: 90 where c.c. 2538 rules the coop's form, none elsewhere (a SCIC). */
export function mayVote(
  member: Pick<Member, 'status' | 'admittedOn'>,
  today: string,
  seniorityDays = VOTING_SENIORITY_DAYS,
): boolean {
  return member.status === 'active' && addDays(member.admittedOn, seniorityDays) <= today;
}

export function memberView(
  member: Member,
  version: number,
  person: MemberInClear,
  today: string,
  seniorityDays = VOTING_SENIORITY_DAYS,
): MemberView {
  return {
    memberId: member.memberId,
    category: member.category,
    disadvantaged: member.disadvantaged,
    status: member.status,
    admittedOn: member.admittedOn,
    mayVote: mayVote(member, today, seniorityDays),
    shares: {
      count: member.shareCount,
      subscribed: moneyJson('EUR', member.subscribed),
      paid: moneyJson('EUR', member.paid),
      reimbursed: moneyJson('EUR', member.reimbursed),
    },
    displayName: person.displayName,
    email: person.email,
    exit: member.exit && {
      effectiveOn: member.exit.effectiveOn,
      reimbursementDueOn: member.exit.reimbursementDueOn,
      reason: person.exitReason,
    },
    version,
  };
}
