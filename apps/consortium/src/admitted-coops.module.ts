import { Global, Module } from '@nestjs/common';
import { AdmittedCoops } from './admitted-coops';
import { MemberCoopAdminsGuard } from './member-coop-admins';

/**
 * Whether a coop admin's coop is a member, for every context's routes: global, since the budgets
 * and pooled means, which the registry itself imports, check it too.
 */
@Global()
@Module({
  providers: [AdmittedCoops, MemberCoopAdminsGuard],
  exports: [AdmittedCoops, MemberCoopAdminsGuard],
})
export class AdmittedCoopsModule {}
