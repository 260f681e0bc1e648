import { rowProjection } from '@libs/projections';
import { evolveMemberCoop, MEMBER_COOP_EVENT_TYPES, memberCoopOf } from './member-coop';
import { MemberCoopRow } from './member-coop.entity';

/** `member_coops` from the coops' profile streams and the board's registry. */
export const memberCoopsProjection = rowProjection<MemberCoopRow>({
  name: 'member_coops',
  version: 1,
  eventTypes: [...MEMBER_COOP_EVENT_TYPES],
  entity: MemberCoopRow,
  key: memberCoopOf,
  evolve: evolveMemberCoop,
});
