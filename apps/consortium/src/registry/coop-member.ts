import {
  coopOfStream,
  coopStream,
  MEMBER_AGGREGATE,
  MemberCategory,
  MembershipEvent,
  ShareSubscription,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/**
 * A coop's member as far as the consortium counts it: category, the disadvantaged flag, capital,
 * and whether it is still a member. Kept per member (not as counts per coop) so that a category
 * change or an exit moves the member out of the right count. No personal data comes here.
 */
export interface CoopMember {
  /** `coop/<coopId>/member/<memberId>`: unique across coops even if two pick the same member id. */
  streamId: string;
  coopId: string;
  memberId: string;
  status: 'active' | 'withdrawn' | 'excluded';
  category: MemberCategory;
  disadvantaged: boolean;
  /**
   * EUR cents of nominal value subscribed, and paid up: sums of the member's movements, exact
   * whatever a coop's history adds up to (no event can stop this view).
   */
  subscribed: bigint;
  paid: bigint;
}

export const COOP_MEMBER_EVENT_TYPES = [
  'MemberAdmitted',
  'SharesSubscribed',
  'CapitalPaid',
  'MemberCategoryChanged',
  'MemberWithdrew',
  'MemberExcluded',
] as const satisfies MembershipEvent['type'][];

/** The member's stream, when the event lies on a member stream of the coop it names. */
export function coopMemberOf(event: RecordedEvent): string | null {
  const coopId = coopOfStream(event.streamId);
  const memberId = (event.data as { memberId?: unknown }).memberId;
  return coopId &&
    typeof memberId === 'string' &&
    event.streamId === coopStream(coopId, MEMBER_AGGREGATE, memberId)
    ? event.streamId
    : null;
}

/** The member after one more event; events before its admission change nothing (null: no row). */
export function evolveCoopMember(
  member: CoopMember | undefined,
  recorded: RecordedEvent,
  streamId: string,
): CoopMember | null {
  const event = recorded as unknown as MembershipEvent;
  if (event.type === 'MemberAdmitted') {
    const { memberId, category, disadvantaged, shares } = event.data;
    return {
      streamId,
      coopId: coopOfStream(streamId)!,
      memberId,
      status: 'active',
      category,
      disadvantaged,
      subscribed: nominalTotal(shares),
      paid: 0n,
    };
  }
  if (!member) return null;
  switch (event.type) {
    case 'SharesSubscribed':
      return { ...member, subscribed: member.subscribed + nominalTotal(event.data.shares) };
    case 'CapitalPaid':
      return { ...member, paid: member.paid + BigInt(event.data.amount.hundredths) };
    case 'MemberCategoryChanged':
      return { ...member, category: event.data.category, disadvantaged: event.data.disadvantaged };
    case 'MemberWithdrew':
      return { ...member, status: 'withdrawn' };
    case 'MemberExcluded':
      return { ...member, status: 'excluded' };
    default:
      return member;
  }
}

function nominalTotal(shares: ShareSubscription): bigint {
  return BigInt(shares.count) * BigInt(shares.nominalValue.hundredths);
}
