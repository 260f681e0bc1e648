import { Module } from '@nestjs/common';
import { ConsortiumModule } from '../consortium';
import { ExportModule } from '../export';
import { CoopProfileController } from './coop-profile.controller';
import { CoopProfileService } from './coop-profile.service';
import { CoopProfileHandler } from './coop-profile.command-handler';
import { CoopApplicationHandler } from './coop-application.query-handler';
import { IncubationModule } from '../incubation';

@Module({
  // The application carries the coop's bundle-signing key (ExportModule's); the board's decisions
  // about the coop (ConsortiumModule's) complete where it stands with the consortium.
  imports: [ExportModule, ConsortiumModule, IncubationModule],
  controllers: [CoopProfileController],
  providers: [CoopProfileHandler, CoopApplicationHandler, CoopProfileService],
  exports: [CoopProfileService],
})
export class ProfileModule {}
