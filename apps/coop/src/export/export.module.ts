import { Module } from '@nestjs/common';
import { ExportController } from './export.controller';

/** `GET /export`: the coop leaves with its complete, verifiable history. */
@Module({ controllers: [ExportController] })
export class ExportModule {}
