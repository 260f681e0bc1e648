import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { COOP_ID } from '../coop-id';
import { ProfileModule } from '../profile';
import { WorkforceModule } from '../workforce';
import { MembersController } from './members.controller';
import { MembersQueries } from './members.queries';
import { MembershipService } from './membership.service';
import { PersonalDataVault } from './personal-data/personal-data.vault';
import { MEMBERSHIP_READ_SIDE } from './membership.read-side';
import { MemberHandler } from './member.command-handler';

@Module({
  imports: [
    ProjectionsModule.forFeature(MEMBERSHIP_READ_SIDE, COOP_ID),
    ProfileModule,
    WorkforceModule,
  ],
  controllers: [MembersController],
  providers: [MemberHandler, MembershipService, MembersQueries, PersonalDataVault],
})
export class MembershipModule {}
