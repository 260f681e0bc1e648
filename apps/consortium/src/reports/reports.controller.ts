import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { ApiProblems } from '@libs/http';
import { AdmittedCoops } from '../registry/admitted-coops';
import { quarterOf } from './quarter';
import { QuarterlyReport } from './quarterly-report';
import { QuarterParams } from './reports.dto';
import { ReportsQueries } from './reports.queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsQueries,
    private readonly admitted: AdmittedCoops,
  ) {}

  @Get(':quarter')
  @Roles('board-member', 'auditor', 'coop-admin')
  @ApiOperation({
    summary: 'The account of a quarter (`2027-Q1`): the newsletter’s figures',
    description:
      '`pooledMeans`: the `byMonth` lines of `GET /pooled-means` for the quarter’s three months, and their `totals` by unit. ' +
      '`coops`: admitted and settled withdrawals in the quarter; `trainings` starting in it, `exchanges` confirmed in it, `resources` shared in it (of admitted coops); ' +
      '`compliance`: the consortium’s indicators in alert and how many member coops have one, as they stand today. ' +
      'A coop admin reads it while their coop is a member (admitted, or withdrawing and not settled).',
  })
  @ApiProblems(400, 401, 403)
  async get(
    @Param() { quarter }: QuarterParams,
    @CurrentActor() actor: Actor,
  ): Promise<QuarterlyReport> {
    if (actor.role === 'coop-admin') await this.admitted.coopOf(actor);
    return this.reports.report(quarterOf(quarter));
  }
}
