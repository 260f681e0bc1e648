import { ReadSide } from '@libs/projections';
import { MemberRow } from './member.entity';
import { membersProjection } from './members.projection';
import { MembershipFounding1764300000001 } from './migrations/1764300000001-membership-founding';
import { MembershipExactMoney1764300000010 } from './migrations/1764300000010-membership-exact-money';
import { MemberKeyRow } from './personal-data/member-key.entity';

/** `members`, and `member_keys` (the keys that seal each member's personal data). */
export const MEMBERSHIP_READ_SIDE: ReadSide<string> = {
  entities: [MemberRow, MemberKeyRow],
  migrations: [MembershipFounding1764300000001, MembershipExactMoney1764300000010],
  projections: (coopId) => [membersProjection(coopId)],
};
