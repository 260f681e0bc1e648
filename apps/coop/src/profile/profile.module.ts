import { Module } from '@nestjs/common';
import { ConsortiumModule } from '../consortium/consortium.module';
import { ExportModule } from '../export/export.module';
import { CoopProfileController } from './coop-profile.controller';
import { CoopProfileService } from './coop-profile.service';

@Module({
  // The application carries the coop's bundle-signing key (ExportModule's); the board's decisions
  // about the coop (ConsortiumModule's) complete where it stands with the consortium.
  imports: [ExportModule, ConsortiumModule],
  controllers: [CoopProfileController],
  providers: [CoopProfileService],
  exports: [CoopProfileService],
})
export class ProfileModule {}
