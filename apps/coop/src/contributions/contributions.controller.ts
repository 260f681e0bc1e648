import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, Meta, Page, HeaderReply, PageOf } from '@libs/api-conventions';
import { ContributionResponse } from './contribution.response';
import { ApiProblems, Recording } from '@libs/http';
import { ContributionChange } from './contribution.command-handler';
import { ContributionView, contributionViewOf } from './contribution.view';
import {
  ContributionIdResponse,
  CancelPledgeDto,
  ContributionsQuery,
  PayPledgeDto,
  RecordContributionDto,
} from './contributions.dto';
import { ContributionsQueries } from './contributions.queries';

/** The coop's contributions to the pooled fund: money (EUR, SOL) or time, pledged or paid. */
@ApiTags('contributions')
@ApiBearerAuth()
@Controller('contributions')
export class ContributionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contributions: ContributionsQueries,
  ) {}

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
    const contributionId = dto.contributionId ?? randomUUID();
    const { version } = await this.commandBus.execute(
      ContributionChange.record(contributionId, dto, meta),
    );
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
    return this.answer(reply, ContributionChange.pay(id, dto, meta));
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
    return this.answer(reply, ContributionChange.cancel(id, dto, meta));
  }

  /** The pledge as the command left it, with its new ETag. */
  private async answer(reply: HeaderReply, change: ContributionChange): Promise<ContributionView> {
    const { state, version } = await this.commandBus.execute(change);
    reply.header('ETag', etag(version));
    // A change of a contribution that does not exist is refused (404) before it gets here.
    return contributionViewOf(state!, version);
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
