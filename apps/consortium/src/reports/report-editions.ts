import { Injectable } from '@nestjs/common';
import { REPORT_AGGREGATE, ReportLanguage } from '@libs/contracts';
import { CommandMeta, today } from '@libs/api-conventions';
import { ConsortiumCommands } from '../consortium-commands';
import { reportDecider, ReportState } from './report.decider';

export type ReportEdition = ReportState & { quarter: string };

/** The board's part of a quarter's report (editorials, publication): one stream per quarter. */
@Injectable()
export class ReportEditions {
  constructor(private readonly commands: ConsortiumCommands) {}

  async of(quarter: string): Promise<ReportEdition> {
    const { state } = await this.commands.load(REPORT_AGGREGATE, quarter, reportDecider);
    return { quarter, ...state };
  }

  async writeEditorial(
    quarter: string,
    language: ReportLanguage,
    text: string,
    meta: CommandMeta,
  ): Promise<ReportEdition> {
    const { state } = await this.commands.run(
      REPORT_AGGREGATE,
      quarter,
      reportDecider,
      { type: 'WriteEditorial', quarter, language, text, by: meta.actor },
      meta,
    );
    return { quarter, ...state };
  }

  async publish(quarter: string, meta: CommandMeta): Promise<ReportEdition> {
    const { state } = await this.commands.run(
      REPORT_AGGREGATE,
      quarter,
      reportDecider,
      { type: 'Publish', quarter, on: today(), by: meta.actor },
      meta,
    );
    return { quarter, ...state };
  }
}
