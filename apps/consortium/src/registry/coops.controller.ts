import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { Page } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import { CoopsQuery } from './coops.dto';
import { CoopsQueries } from './coops.queries';
import { MemberCoopView } from './member-coop.view';
import { ReadsViews } from '../read-models/reads-views.decorator';

@ApiTags('coops')
@ApiBearerAuth()
@Controller('coops')
export class CoopsController {
  constructor(private readonly coops: CoopsQueries) {}

  @ReadsViews(['member_coops', 'coop_members', 'pooled_means'])
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

  @ReadsViews(['member_coops', 'coop_members', 'pooled_means'])
  @Get(':coopId')
  @Roles('board-member', 'auditor')
  @ApiOperation({ summary: 'One member coop' })
  @ApiProblems(401, 403, 404)
  one(@Param('coopId') coopId: string): Promise<MemberCoopView> {
    return this.coops.one(coopId);
  }
}
