import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { today } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import { PooledMeansQuery } from './pooled-means.dto';
import { PooledMeansQueries } from './pooled-means.queries';
import { PooledMeansResponse } from './pooled-means.response';
import { PooledMeansView } from './pooled-means.view';
import { ReadsViews } from '../read-models';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';

@ApiTags('pooled means')
@ApiBearerAuth()
@Controller('pooled-means')
export class PooledMeansController {
  constructor(private readonly queries: PooledMeansQueries) {}

  @ReadsViews(['pooled_means'], { type: PooledMeansResponse })
  @Get()
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary:
      'Everything pooled: totals by unit, pillar, kind, theme, coop, month, and pillar within each month',
    description:
      'Total lines `{ unit, pledged, paid }` (decimal strings, exact whatever the size): `pledged` is promised and not yet paid, `paid` received (for hours, given); EUR and SOL are never summed, hours are unit `hours`. ' +
      'Only member coops count: a coop’s movements count from the board’s admission until its withdrawal is settled, in the order of the event log. ' +
      'The others (a coop that never applied or was not admitted yet: `not_admitted`; after its settled withdrawal: `withdrawn`) are in no figure, only listed in `notCounted` as `{ coopId, reason, totals }`. ' +
      '`solShare` = SOL paid ÷ (EUR paid + SOL paid); `nonMonetaryShare` = money (EUR + SOL) paid in the non_monetary pillar ÷ all money paid (hours are not money and count in neither); both 4-decimal strings, null while no money is paid. ' +
      "`byMonthAndPillar` lines `{ month, pillar, unit, pledged, paid }`, by month then pillar then unit, break each month's `byMonth` lines down by pillar. " +
      '`alerts` lists the indicators in alert (`sol_share_at_most_20pct`). ' +
      '`?asOf=` answers as at the end of that day (UTC), from the events recorded up to it.',
  })
  @ApiProblems(400, 401, 403)
  get(@Query() query: PooledMeansQuery): Promise<PooledMeansView> {
    return this.queries.asOf(query.asOf ?? today());
  }
}
