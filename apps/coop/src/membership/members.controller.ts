import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, Meta, Page, HeaderReply, PageOf } from '@libs/api-conventions';
import { answerHeaders, ApiProblems, Recording } from '@libs/http';
import { MemberResponse, MembershipSummaryResponse } from './member.response';
import {
  AdmitMemberDto,
  ChangeCategoryDto,
  ExcludeMemberDto,
  MemberIdResponse,
  MembersQuery,
  PayCapitalDto,
  SubscribeSharesDto,
  WithdrawMemberDto,
} from './membership.dto';
import { MemberState } from './member.decider';
import { MembershipSummary, MembersQueries } from './members.queries';
import { MembershipService } from './membership.service';
import { MemberView } from './member.view';

const MemberId = () => Param('id', new ParseUUIDPipe({ version: undefined }));

/** Members and their shares (the public API, coop app). Every change answers the member's new ETag. */
@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class MembersController {
  constructor(
    private readonly membership: MembershipService,
    private readonly queries: MembersQueries,
  ) {}

  @Recording('members', {
    summary: 'Admit a member with the shares they subscribe',
    created: MemberIdResponse,
    headers: ['ETag', 'Location'],
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async admit(
    @Body() dto: AdmitMemberDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<MemberIdResponse> {
    const { memberId, version } = await this.membership.admit(dto, meta);
    reply.header('ETag', etag(version));
    reply.header('Location', `/members/${memberId}`);
    return { memberId };
  }

  @Get('members')
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'Members, oldest first, paged' })
  @ApiOkResponse({ type: PageOf(MemberResponse) })
  @ApiProblems(400, 401, 403)
  list(@Query() query: MembersQuery): Promise<Page<MemberView>> {
    return this.queries.list(query);
  }

  @Get('members/:id')
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'One member: category, shares subscribed, paid and reimbursed, status' })
  @ApiOkResponse({ type: MemberResponse, headers: answerHeaders(['ETag']) })
  @ApiProblems(400, 401, 403, 404)
  async one(
    @MemberId() id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<MemberView> {
    const member = await this.queries.one(id);
    reply.header('ETag', etag(member.version));
    return member;
  }

  @Recording('members/:id/shares', {
    summary: 'Subscribe more shares',
    created: MemberResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
  @Roles('coop-admin')
  subscribe(
    @MemberId() id: string,
    @Body() dto: SubscribeSharesDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.subscribeShares(id, dto, meta), reply);
  }

  @Recording('members/:id/payments', {
    summary: 'Pay up subscribed capital',
    created: MemberResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
  @Roles('coop-admin')
  pay(
    @MemberId() id: string,
    @Body() dto: PayCapitalDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.payCapital(id, dto, meta), reply);
  }

  @Put('members/:id/category')
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Change a member’s category (and the disadvantaged flag of a worker)' })
  @ApiOkResponse({ type: MemberResponse, headers: answerHeaders(['ETag']) })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  changeCategory(
    @MemberId() id: string,
    @Body() dto: ChangeCategoryDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.changeCategory(id, dto, meta), reply);
  }

  @Recording('members/:id/withdrawal', {
    summary: 'Record a member’s withdrawal: never partial, all paid-up capital owed back',
    created: MemberResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412, 422],
  })
  @Roles('coop-admin')
  withdraw(
    @MemberId() id: string,
    @Body() dto: WithdrawMemberDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.withdraw(id, dto, meta), reply);
  }

  @Recording('members/:id/exclusion', {
    summary: 'Record a member’s exclusion, effective at once',
    created: MemberResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 404, 409, 412],
  })
  @Roles('coop-admin')
  exclude(
    @MemberId() id: string,
    @Body() dto: ExcludeMemberDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.exclude(id, dto, meta), reply);
  }

  @Delete('members/:id/personal-data')
  @Roles('coop-admin')
  @ApiOperation({
    summary: 'Erase the member’s personal data for good; the financial history stays',
  })
  @ApiOkResponse({ type: MemberResponse, headers: answerHeaders(['ETag']) })
  @ApiProblems(400, 401, 403, 404, 412)
  erase(
    @MemberId() id: string,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    return this.answer(id, this.membership.erasePersonalData(id, meta), reply);
  }

  @Get('membership/summary')
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'Counts by category, capital, and the rule indicators' })
  @ApiOkResponse({ type: MembershipSummaryResponse })
  @ApiProblems(401, 403)
  summary(): Promise<MembershipSummary> {
    return this.queries.summary();
  }

  /** A change answers the member as it now stands, with its new ETag. */
  /** The member as the change left it, from the command's own result: no second read. */
  private async answer(
    id: string,
    change: Promise<{ version: number; state: MemberState }>,
    reply: HeaderReply,
  ): Promise<MemberView> {
    const { state, version } = await change;
    const member = await this.queries.viewOf(id, state, version);
    reply.header('ETag', etag(member.version));
    return member;
  }
}
