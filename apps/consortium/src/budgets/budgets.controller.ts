import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import {
  AllocationIdResponse,
  AsOfQuery,
  BudgetPeriodList,
  CloseBudgetDto,
  OpenBudgetDto,
  ProposeAllocationDto,
  VoteDto,
} from './budgets.dto';
import { BudgetPeriods } from './budget-periods';
import { AllocationSchema, BudgetResponse } from './budget.response';
import { BudgetsService, BudgetView } from './budgets.service';
import { ReadsViews } from '../read-models';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';

/** The board's budget review: periods, allocation proposals, votes, the closing of a year. */
@ApiTags('budgets')
@ApiBearerAuth()
@Controller()
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly periods: BudgetPeriods,
  ) {}

  @Get('budgets')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'The budget periods opened so far, newest first, with their status',
    description: 'A handful per consortium (one a year): not paged.',
  })
  @ApiOkResponse({ type: BudgetPeriodList })
  @ApiProblems(401, 403)
  async list(): Promise<BudgetPeriodList> {
    return { items: await this.periods.list() };
  }

  @Post('budgets')
  @HttpCode(201)
  @Roles('board-member')
  @ApiOperation({ summary: 'Open a budget period (usually a year)' })
  @ApiCreatedResponse({ type: BudgetResponse })
  @ApiProblems(400, 401, 403, 409, 422)
  async open(@Body() dto: OpenBudgetDto, @Meta() meta: CommandMeta): Promise<BudgetView> {
    return this.budgets.viewOf((await this.budgets.open(dto, meta)).state);
  }

  @ReadsViews(['pooled_means', 'books'], { type: BudgetResponse })
  @Get('budgets/:periodId')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'A period’s income, cash, allocations by status, and available balance per currency',
    description:
      'Only member coops’ contributions count (as in `GET /pooled-means`). Only money is cash: EUR and SOL received in the market and non_market pillars; ' +
      'the money valuation of non-monetary contributions (barter, …) is shown apart in `nonMonetaryValuation` and never spendable. ' +
      '`available` = cash balance − approved allocations not yet disbursed, per currency; approving beyond it is refused (422 `allocation_within_available_balance`). ' +
      'The consortium’s own income (`POST /income`) is cash received; disbursements are cash paid out; `?asOf=` reads the cash as recorded up to that day. Amounts are exact decimal strings.',
  })
  @ApiProblems(400, 401, 403, 404)
  view(@Param('periodId') periodId: string, @Query() query: AsOfQuery): Promise<BudgetView> {
    return this.budgets.view(periodId, query.asOf);
  }

  @Post('budgets/:periodId/allocations')
  @HttpCode(201)
  @RolesAndMemberCoopAdmins(['board-member'])
  @ApiOperation({
    summary: 'Propose spending pooled money on a purpose',
    description:
      'By a board member, or by the admin of a member coop: then the allocation shows `proposedBy: { coopId }`. Only the board votes on it.',
  })
  @ApiCreatedResponse({ type: AllocationIdResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  propose(
    @Param('periodId') periodId: string,
    @Body() dto: ProposeAllocationDto,
    @Meta() meta: CommandMeta,
    @CurrentActor() actor: Actor,
  ): Promise<AllocationIdResponse> {
    return this.budgets.propose(
      periodId,
      dto,
      meta,
      actor.role === 'coop-admin' ? actor.coopId! : null,
    );
  }

  @Post('allocations/:id/votes')
  @HttpCode(201)
  @Roles('board-member')
  @ApiOperation({ summary: 'Vote for, against or abstain; one vote per board member' })
  @ApiCreatedResponse({ type: AllocationSchema, description: 'the allocation with its ballots' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async vote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VoteDto,
    @Meta() meta: CommandMeta,
  ): Promise<BudgetView['allocations'][number]> {
    return this.budgets.vote(id, dto, meta);
  }

  @Post('budgets/:periodId/closing')
  @HttpCode(201)
  @Roles('board-member')
  @ApiOperation({
    summary: 'Close the year: ≥ 30% of a profit to the legal reserve, 3% to the mutual fund',
  })
  @ApiCreatedResponse({ type: BudgetResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async close(
    @Param('periodId') periodId: string,
    @Body() dto: CloseBudgetDto,
    @Meta() meta: CommandMeta,
  ): Promise<BudgetView> {
    return this.budgets.viewOf((await this.budgets.close(periodId, dto, meta)).state);
  }
}
