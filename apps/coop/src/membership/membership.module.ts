import { Module } from '@nestjs/common';
import { ProfileModule } from '../profile/profile.module';
import { WorkforceModule } from '../workforce/workforce.module';
import { MembersController } from './members.controller';
import { MembersQueries } from './members.queries';
import { MembershipService } from './membership.service';
import { PersonalDataVault } from './personal-data/personal-data.vault';

@Module({
  imports: [ProfileModule, WorkforceModule],
  controllers: [MembersController],
  providers: [MembershipService, MembersQueries, PersonalDataVault],
})
export class MembershipModule {}
