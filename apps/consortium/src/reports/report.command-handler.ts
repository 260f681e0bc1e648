import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { REPORT_AGGREGATE, ReportEvent } from '@libs/contracts';
import { ReportCommand, reportDecider, ReportState } from './report.decider';

/** A command for one quarter's report: its editorials and publication, sent on the CommandBus. */
export class ReportChange extends AggregateCommand<ReportCommand, ReportState, ReportEvent> {}

@CommandHandler(ReportChange)
export class ReportHandler extends handlerOf(REPORT_AGGREGATE, reportDecider) {}
