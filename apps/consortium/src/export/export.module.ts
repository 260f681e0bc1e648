import { Module } from '@nestjs/common';
import { ConsortiumSigningKey } from './consortium-signing-key';
import { CoopExportController } from './coop-export.controller';

/** `GET /coops/{coopId}/export`: a coop's portable history, from the consortium's side. */
@Module({
  controllers: [CoopExportController],
  providers: [ConsortiumSigningKey],
  // The history of a project that became a coop leaves signed by the same key.
  exports: [ConsortiumSigningKey],
})
export class ExportModule {}
