import { coopStreamPrefix, MEMBER_AGGREGATE, MembershipEvent } from '@libs/contracts';
import { Projection, rowProjection } from '@libs/projections';
import { evolve } from './member.decider';
import { MemberRow } from './member.entity';

/** Members as their streams fold them: the member aggregate's own `evolve`, plus the version. */
export function membersProjection(coopId: string): Projection {
  return rowProjection<MemberRow>({
    name: 'members',
    // 2: exit reasons sealed; rebuilt so that no row keeps a reason written in clear before.
    version: 2,
    filter: { coopId, streamPrefix: `${coopStreamPrefix(coopId)}${MEMBER_AGGREGATE}/` },
    entity: MemberRow,
    key: (event) => (event.data as { memberId: string }).memberId,
    evolve: (row, recorded) => {
      const next = evolve(row ?? null, recorded as unknown as MembershipEvent);
      return next ? { ...next, version: recorded.streamVersion } : (row ?? null);
    },
  });
}
