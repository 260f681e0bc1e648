import { Module } from '@nestjs/common';
import { ConsortiumSigningKey } from './consortium-signing-key';
import { CoopExportController } from './coop-export.controller';

/** `GET /coops/{coopId}/export`: a coop's portable history, from the consortium's side. */
@Module({ controllers: [CoopExportController], providers: [ConsortiumSigningKey] })
export class ExportModule {}
