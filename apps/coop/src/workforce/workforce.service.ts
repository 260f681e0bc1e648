import { Inject, Injectable } from '@nestjs/common';
import { COOP_ID } from '../coop-id';

import { CommandMeta } from '@libs/api-conventions';
import { MonthlyWorkforce, TypeBQuota, typeBQuota } from '@libs/rules';
import { CommandBus } from '@nestjs/cqrs';
import { WorkforceChange, WorkforceHandler } from './workforce.command-handler';
import { WorkforceState } from './workforce.decider';
import { RecordWorkforceDto } from './workforce.dto';

export interface WorkforceView {
  months: MonthlyWorkforce[];
  /** The type-B quota's terms over the twelve months ending with the last recorded; null: none. */
  quota: TypeBQuota | null;
}

/** The coop's workforce, one stream for the coop: a few records a year, read whole. */
@Injectable()
export class WorkforceService {
  constructor(
    private readonly workforceHandler: WorkforceHandler,
    private readonly commandBus: CommandBus,
    @Inject(COOP_ID) private readonly coopId: string,
  ) {}

  async record(month: string, dto: RecordWorkforceDto, meta: CommandMeta) {
    const { state, version } = await this.commandBus.execute(
      new WorkforceChange(this.coopId, { type: 'RecordWorkforce', month, ...dto }, meta),
    );
    return { view: viewOf(state), version };
  }

  async view(): Promise<{ view: WorkforceView; version: number }> {
    const { state, version } = await this.workforceHandler.current(this.coopId);
    return { view: viewOf(state), version };
  }
}

function viewOf(state: WorkforceState): WorkforceView {
  const months = Object.values(state).sort((a, b) => a.month.localeCompare(b.month));
  const last = months.at(-1);
  return { months, quota: last ? typeBQuota(months, last.month) : null };
}
