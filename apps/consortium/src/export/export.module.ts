import { Module } from '@nestjs/common';
import { CoopExportController } from './coop-export.controller';

/** `GET /coops/{coopId}/export`: a coop's portable history, from the consortium's side. */
@Module({ controllers: [CoopExportController] })
export class ExportModule {}
