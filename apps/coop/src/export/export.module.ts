import { Module } from '@nestjs/common';
import { CoopSigningKey } from './coop-signing-key';
import { ExportController } from './export.controller';

/** `GET /export`: the coop leaves with its complete, verifiable history, signed with its key. */
@Module({ controllers: [ExportController], providers: [CoopSigningKey], exports: [CoopSigningKey] })
export class ExportModule {}
