import { ReadSide } from '@libs/projections';
import { CoopMemberRow } from './coop-member.entity';
import { coopMembersProjection } from './coop-members.projection';
import { CoopWorkforceRow } from './coop-workforce.entity';
import { coopWorkforceProjection } from './coop-workforce.projection';
import { MemberCoopRow } from './member-coop.entity';
import { memberCoopsProjection } from './member-coops.projection';
import { RegistryFounding1764300000101 } from './migrations/1764300000101-registry-founding';
import { RegistryExactCapital1764300000120 } from './migrations/1764300000120-registry-exact-capital';
import { CoopWorkforce1764300000140 } from './migrations/1764300000140-coop-workforce';

/** The registry's tables: the member coops, their members, their workforce. */
export const REGISTRY_READ_SIDE: ReadSide = {
  entities: [MemberCoopRow, CoopMemberRow, CoopWorkforceRow],
  migrations: [
    RegistryFounding1764300000101,
    RegistryExactCapital1764300000120,
    CoopWorkforce1764300000140,
  ],
  projections: () => [memberCoopsProjection, coopMembersProjection, coopWorkforceProjection],
};
