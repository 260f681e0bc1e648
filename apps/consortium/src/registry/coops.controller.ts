import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { Page, PageOf } from '@libs/api-conventions';
import { MemberCoopDetailResponse, MemberCoopResponse } from './member-coop.response';
import { ApiProblems } from '@libs/http';
import { CoopsQuery } from './coops.dto';
import { CoopsQueries } from './coops.queries';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';
import { MemberCoopView } from './member-coop.view';
import { ReadsViews } from '../read-models';
import { ProjectsQueries, ProjectSummary } from '../projects';

@ApiTags('coops')
@ApiBearerAuth()
@Controller('coops')
export class CoopsController {
  constructor(
    private readonly coops: CoopsQueries,
    private readonly projects: ProjectsQueries,
  ) {}

  @ReadsViews(['member_coops', 'coop_members', 'pooled_means'], {
    type: PageOf(MemberCoopResponse),
  })
  @Get()
  @Roles('board-member', 'auditor')
  @ApiOperation({
    summary: 'Member coops, by id, paged',
    description:
      'Every coop that has applied (`applicant`, `admitted`, `withdrawing`, `withdrawn`): legal form, themes, territory, active members by category, their share capital, contributions to date per unit.',
  })
  @ApiProblems(400, 401, 403)
  list(@Query() query: CoopsQuery): Promise<Page<MemberCoopView>> {
    return this.coops.list(query);
  }

  @ReadsViews(['member_coops', 'coop_members', 'pooled_means', 'incubated_projects'], {
    type: MemberCoopDetailResponse,
  })
  @Get(':coopId')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'], { ownCoopParam: 'coopId' })
  @ApiOperation({
    summary: 'One member coop',
    description:
      'A coop admin reads their own coop’s entry while it is a member. With `incubation`, when the coop was a project the consortium incubated: its stages, the ' +
      'support it received, the funds held for it and handed over at its graduation.',
  })
  @ApiProblems(401, 403, 404)
  async one(
    @Param('coopId') coopId: string,
  ): Promise<MemberCoopView & { incubation: ProjectSummary | null }> {
    const [coop, incubation] = await Promise.all([
      this.coops.one(coopId),
      this.projects.graduatedAs(coopId),
    ]);
    return { ...coop, incubation };
  }
}
