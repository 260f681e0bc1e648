import { Body, Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, Meta, Page, HeaderReply, PageOf } from '@libs/api-conventions';
import { ContributionResponse } from './contribution.response';
import { ApiProblems, Recording } from '@libs/http';
import { ContributionView } from './contribution.view';
import {
  ContributionIdResponse,
  CancelPledgeDto,
  ContributionsQuery,
  PayPledgeDto,
  RecordContributionDto,
} from './contributions.dto';
import { ContributionsService } from './contributions.service';

/** The coop's contributions to the pooled fund: money (EUR, SOL) or time, pledged or paid. */
@ApiTags('contributions')
@ApiBearerAuth()
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Recording(undefined, {
    summary: 'Record a contribution (pledged or paid)',
    created: ContributionIdResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async record(
    @Body() dto: RecordContributionDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ContributionIdResponse> {
    const { contributionId, version } = await this.contributions.record(dto, meta);
    reply.header('ETag', etag(version));
    return { contributionId };
  }

  @Recording(':id/payment', {
    summary: 'A pledge is paid',
    created: ContributionResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412],
  })
  @Roles('coop-admin')
  pay(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PayPledgeDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ContributionView> {
    return this.answer(id, reply, this.contributions.payPledge(id, dto, meta));
  }

  @Recording(':id/cancellation', {
    summary: 'A pledge that will not be paid: it leaves the pledged totals everywhere',
    created: ContributionResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412],
  })
  @Roles('coop-admin')
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelPledgeDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ContributionView> {
    return this.answer(id, reply, this.contributions.cancelPledge(id, dto, meta));
  }

  /** The pledge as it now stands, with its new ETag. */
  private async answer(
    id: string,
    reply: HeaderReply,
    changed: ReturnType<ContributionsService['payPledge']>,
  ): Promise<ContributionView> {
    const { state, version } = await changed;
    const view = this.contributions.viewOf(id, state, version);
    reply.header('ETag', etag(view.version));
    return view;
  }

  @Get()
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'The coop’s contributions, by period' })
  @ApiOkResponse({ type: PageOf(ContributionResponse) })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ContributionsQuery): Promise<Page<ContributionView>> {
    return this.contributions.list(query);
  }
}
