import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdmissionResponse, SettlementResponse } from './member-coop.response';
import { Roles } from '@libs/auth';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import { AdmitCoopDto } from './admission.dto';
import { AdmissionService } from './admission.service';
import { SettleWithdrawalDto } from './settlement.dto';
import { SettlementService, SettlementView } from './settlement.service';

@ApiTags('coops')
@ApiBearerAuth()
@Controller('coops')
export class AdmissionController {
  constructor(
    private readonly admission: AdmissionService,
    private readonly settlement: SettlementService,
  ) {}

  @Post(':coopId/admission')
  @HttpCode(201)
  @Roles('board-member')
  @ApiOperation({
    summary: 'Admit an applicant coop',
    description:
      'Refused (422 social_coops_at_least_70pct) if it would leave social coops under 70% of the member coops, unless `override.reason` is given: the override is recorded with who and why.',
  })
  @ApiCreatedResponse({ type: AdmissionResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async admit(
    @Param('coopId') coopId: string,
    @Body() dto: AdmitCoopDto,
    @Meta() meta: CommandMeta,
  ): Promise<{ coopId: string; status: 'admitted' }> {
    await this.admission.admit(coopId, dto, meta);
    return { coopId, status: 'admitted' };
  }

  @Post(':coopId/withdrawal/settlement')
  @HttpCode(201)
  @Roles('board-member')
  @ApiOperation({
    summary: 'Settle a coop that asked to leave',
    description:
      'Records the capital owed back (due 180 days after the approval of that year’s accounts), cancels its open pledges, takes its resources out of the catalogue and lists the open allocations to it; the coop is then withdrawn. Money it already paid stays in past totals.',
  })
  @ApiCreatedResponse({ type: SettlementResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  settle(
    @Param('coopId') coopId: string,
    @Body() dto: SettleWithdrawalDto,
    @Meta() meta: CommandMeta,
  ): Promise<SettlementView> {
    return this.settlement.settle(coopId, dto, meta);
  }
}
