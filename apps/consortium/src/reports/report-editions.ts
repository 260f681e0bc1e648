import { Injectable } from '@nestjs/common';
import { ReportLanguage } from '@libs/contracts';
import { CommandMeta, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { ReportChange, ReportHandler } from './report.command-handler';
import { ReportState } from './report.decider';

export type ReportEdition = ReportState & { quarter: string };

/** The board's part of a quarter's report (editorials, publication): one stream per quarter. */
@Injectable()
export class ReportEditions {
  constructor(
    private readonly reportHandler: ReportHandler,
    private readonly commandBus: CommandBus,
  ) {}

  async of(quarter: string): Promise<ReportEdition> {
    const { state } = await this.reportHandler.current(quarter);
    return { quarter, ...state };
  }

  async writeEditorial(
    quarter: string,
    language: ReportLanguage,
    text: string,
    meta: CommandMeta,
  ): Promise<ReportEdition> {
    const { state } = await this.commandBus.execute(
      new ReportChange(
        quarter,
        { type: 'WriteEditorial', quarter, language, text, by: meta.actor },
        meta,
      ),
    );
    return { quarter, ...state };
  }

  async publish(quarter: string, meta: CommandMeta): Promise<ReportEdition> {
    const { state } = await this.commandBus.execute(
      new ReportChange(quarter, { type: 'Publish', quarter, on: today(), by: meta.actor }, meta),
    );
    return { quarter, ...state };
  }
}
