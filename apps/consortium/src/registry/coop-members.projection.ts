import { rowProjection } from '@libs/projections';
import { COOP_MEMBER_EVENT_TYPES, coopMemberOf, evolveCoopMember } from './coop-member';
import { CoopMemberRow } from './coop-member.entity';

/** `coop_members` from every coop's member streams. */
export const coopMembersProjection = rowProjection<CoopMemberRow>({
  name: 'coop_members',
  version: 1,
  eventTypes: [...COOP_MEMBER_EVENT_TYPES],
  entity: CoopMemberRow,
  key: coopMemberOf,
  evolve: evolveCoopMember,
});
