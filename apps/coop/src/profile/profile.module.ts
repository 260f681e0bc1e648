import { Module } from '@nestjs/common';
import { ExportModule } from '../export';
import { CoopProfileController } from './coop-profile.controller';
import { CoopProfileService } from './coop-profile.service';
import { CoopProfileHandler } from './coop-profile.command-handler';

@Module({
  // The application carries the coop's bundle-signing key (ExportModule's).
  imports: [ExportModule],
  controllers: [CoopProfileController],
  providers: [CoopProfileHandler, CoopProfileService],
  exports: [CoopProfileService],
})
export class ProfileModule {}
