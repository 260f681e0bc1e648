import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, Meta, HeaderReply } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import { CoopProfileService, CoopProfileView } from './coop-profile.service';
import { ConsortiumWithdrawalDto, SetProfileDto } from './profile.dto';
import { CoopProfileResponse } from './profile.response';

@ApiTags('coop')
@ApiBearerAuth()
@Controller()
export class CoopProfileController {
  constructor(private readonly profile: CoopProfileService) {}

  @Get('coop')
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'The coop’s profile and where it stands with the consortium' })
  @ApiOkResponse({
    type: CoopProfileResponse,
    description: 'the profile; ETag is its version (what `If-Match` on PUT compares)',
  })
  @ApiProblems(401, 403)
  async get(@Res({ passthrough: true }) reply: HeaderReply): Promise<CoopProfileView> {
    const { view, version } = await this.profile.view();
    reply.header('ETag', etag(version));
    return view;
  }

  @Put('coop')
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Describe the coop: name, legal form, themes, territory' })
  @ApiProblems(400, 401, 403, 412)
  async set(
    @Body() dto: SetProfileDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<CoopProfileView> {
    const { version, state } = await this.profile.set(dto, meta);
    reply.header('ETag', etag(version));
    return this.profile.viewOf(state);
  }

  @Recording('consortium/application', {
    summary: 'Apply to join the consortium (the board then admits the coop)',
    problems: [401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async apply(@Meta() meta: CommandMeta): Promise<CoopProfileView> {
    return this.profile.viewOf((await this.profile.apply(meta)).state);
  }

  @Recording('consortium/withdrawal', {
    summary:
      'Give notice of leaving the consortium (the board settles it; the coop leaves at the close of the year, or of the next when notice comes after 30 September)',
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async withdraw(
    @Body() dto: ConsortiumWithdrawalDto,
    @Meta() meta: CommandMeta,
  ): Promise<CoopProfileView> {
    return this.profile.viewOf(
      (await this.profile.requestWithdrawal(dto.reason ?? null, meta, dto.requestedOn)).state,
    );
  }
}
