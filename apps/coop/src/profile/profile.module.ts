import { Module } from '@nestjs/common';
import { CoopProfileController } from './coop-profile.controller';
import { CoopProfileService } from './coop-profile.service';

@Module({
  controllers: [CoopProfileController],
  providers: [CoopProfileService],
  exports: [CoopProfileService],
})
export class ProfileModule {}
