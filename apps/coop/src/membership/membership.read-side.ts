import { ReadSide } from '@libs/projections';
import { MemberRow } from './member.entity';
import { membersProjection } from './members.projection';
import { MemberKeyRow } from './personal-data/member-key.entity';

/** `members` and `member_keys` (created with the coop's first tables in `database/`). */
export const MEMBERSHIP_READ_SIDE: ReadSide<string> = {
  entities: [MemberRow, MemberKeyRow],
  projections: (coopId) => [membersProjection(coopId)],
};
