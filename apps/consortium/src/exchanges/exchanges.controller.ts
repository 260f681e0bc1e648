import { Body, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { CommandMeta, Meta, PageQuery } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import { AdmittedCoops } from '../admitted-coops';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';
import { ExchangeHandlers } from './exchange.handlers';
import {
  ConfirmationResponse,
  ExchangeIdResponse,
  GiveHoursDto,
  TimeAccountPage,
} from './exchanges.dto';
import { TimeAccountsQueries } from './time-accounts.queries';

/** Hours coops give each other (skills, volunteering, training), and their time accounts. */
@ApiTags('time accounts')
@ApiBearerAuth()
@Controller()
export class ExchangesController {
  constructor(
    private readonly handlers: ExchangeHandlers,
    private readonly accounts: TimeAccountsQueries,
    private readonly admitted: AdmittedCoops,
  ) {}

  @Recording('exchanges', {
    summary: 'Record hours the caller’s coop gave another admitted coop; they count once confirmed',
    created: ExchangeIdResponse,
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async give(
    @Body() dto: GiveHoursDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: CommandMeta,
  ): Promise<ExchangeIdResponse> {
    return this.handlers.give(await this.admitted.coopOf(actor), dto, meta);
  }

  @Recording('exchanges/:id/confirmation', {
    summary: 'The receiving coop confirms the hours: only confirmed hours count',
    created: ConfirmationResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('coop-admin')
  async confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Meta() meta: CommandMeta,
  ): Promise<ConfirmationResponse> {
    return this.handlers.confirm(id, await this.admitted.coopOf(actor), meta);
  }

  @Get('time-accounts')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary:
      'Each coop’s confirmed hours given, received, and balance (given − received); paged by coop',
    description: 'Over all coops the balances add up to zero. Hours are exact decimal strings.',
  })
  @ApiOkResponse({ type: TimeAccountPage })
  @ApiProblems(400, 401, 403)
  timeAccounts(@Query() query: PageQuery): Promise<TimeAccountPage> {
    return this.accounts.list(query);
  }
}
