import { Module } from '@nestjs/common';
import { IncubationHistoryHandler } from './incubation-history.command-handler';

/** The coop's pre-history, when it was a project the consortium incubated. */
@Module({ providers: [IncubationHistoryHandler], exports: [IncubationHistoryHandler] })
export class IncubationModule {}
