import { MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { MembershipCounts } from '@libs/rules';

/** A coop's active members, counted as the coop's own summary counts them, and their capital. */
export interface CoopMembership extends MembershipCounts {
  total: number;
  /** EUR cents of nominal value, summed exactly. */
  capital: { subscribed: bigint; paid: bigint; publicBodies: bigint };
}

/** One group of a coop's active members, as the database sums them. */
export interface MemberGroup {
  category: MemberCategory;
  members: number;
  disadvantaged: number;
  subscribed: bigint;
  paid: bigint;
}

export function coopMembership(groups: MemberGroup[]): CoopMembership {
  const byCategory = Object.fromEntries(MEMBER_CATEGORIES.map((c) => [c, 0])) as Record<
    MemberCategory,
    number
  >;
  const membership: CoopMembership = {
    total: 0,
    byCategory,
    disadvantagedWorkers: 0,
    capital: { subscribed: 0n, paid: 0n, publicBodies: 0n },
  };
  for (const group of groups) {
    byCategory[group.category] += group.members;
    membership.total += group.members;
    if (group.category === 'worker') membership.disadvantagedWorkers += group.disadvantaged;
    membership.capital.subscribed += group.subscribed;
    membership.capital.paid += group.paid;
    if (group.category === 'public_body') membership.capital.publicBodies += group.subscribed;
  }
  return membership;
}
