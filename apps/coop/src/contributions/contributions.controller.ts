import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, Meta, Page } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import { ContributionView } from './contribution.view';
import {
  ContributionIdResponse,
  ContributionsQuery,
  PayPledgeDto,
  RecordContributionDto,
} from './contributions.dto';
import { ContributionsService } from './contributions.service';

interface Reply {
  header(name: string, value: string): unknown;
}

/** The coop's contributions to the pooled fund: money (EUR, SOL) or time, pledged or paid. */
@ApiTags('contributions')
@ApiBearerAuth()
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Post()
  @HttpCode(201)
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Record a contribution (pledged or paid)' })
  @ApiCreatedResponse({ type: ContributionIdResponse })
  @ApiProblems(400, 401, 403, 409, 422)
  async record(
    @Body() dto: RecordContributionDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<ContributionIdResponse> {
    const { contributionId, version } = await this.contributions.record(dto, meta);
    reply.header('ETag', etag(version));
    return { contributionId };
  }

  @Post(':id/payment')
  @HttpCode(201)
  @Roles('coop-admin')
  @ApiOperation({ summary: 'A pledge is paid' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async pay(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PayPledgeDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<ContributionView> {
    await this.contributions.payPledge(id, dto, meta);
    const view = await this.contributions.one(id);
    reply.header('ETag', etag(view.version));
    return view;
  }

  @Get()
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'The coop’s contributions, by period' })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ContributionsQuery): Promise<Page<ContributionView>> {
    return this.contributions.list(query);
  }
}
