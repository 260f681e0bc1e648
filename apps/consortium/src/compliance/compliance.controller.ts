import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComplianceResponse } from './compliance.response';
import { ApiProblems } from '@libs/http';
import { ComplianceReport } from './compliance';
import { ComplianceQueries } from './compliance.queries';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceQueries) {}

  @Get()
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'The model’s indicators for the consortium and per member coop, alerts first',
    description:
      'Consortium: `social_coops_at_least_70pct` (of the member coops: admitted, or withdrawing and not yet settled), `sol_share_at_most_20pct` (of the money paid to date). ' +
      'Each member coop: `volunteers_at_most_half` (of its active members) and, for a `social_coop_b`, `disadvantaged_workers_at_least_30pct` (of its workers). ' +
      'Indicators are alerts, never blocks; each names its legal source.',
  })
  @ApiOkResponse({ type: ComplianceResponse })
  @ApiProblems(401, 403)
  report(): Promise<ComplianceReport> {
    return this.compliance.report();
  }
}
