import { Body, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import { AdmittedCoops } from '../admitted-coops';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';
import { EnrolHandler } from './enrol.handler';
import {
  EnrolDto,
  EnrolmentIdResponse,
  TrainingPage,
  TrainingResponse,
  TrainingsQuery,
} from './trainings.dto';
import { TrainingsQueries } from './trainings.queries';

/** Trainings coops offer each other (popular education), and the enrolments in them. */
@ApiTags('trainings')
@ApiBearerAuth()
@Controller('trainings')
export class TrainingsController {
  constructor(
    private readonly trainings: TrainingsQueries,
    private readonly enrol: EnrolHandler,
    private readonly admitted: AdmittedCoops,
  ) {}

  @Get()
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'Every admitted coop’s trainings, soonest first, with the places left; paged',
    description: 'Filter by `theme`, and `from` (trainings starting at or after it).',
  })
  @ApiOkResponse({ type: TrainingPage })
  @ApiProblems(400, 401, 403)
  list(@Query() query: TrainingsQuery): Promise<TrainingPage> {
    return this.trainings.list(query);
  }

  @Get(':id')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({ summary: 'One training, with the places left' })
  @ApiOkResponse({ type: TrainingResponse })
  @ApiProblems(400, 401, 403, 404)
  one(@Param('id', ParseUUIDPipe) id: string): Promise<TrainingResponse> {
    return this.trainings.one(id);
  }

  @Recording(':id/enrolments', {
    summary:
      'Enrol participants of the caller’s coop: 422 `training_full` beyond the places, `own_training` in its own',
    created: EnrolmentIdResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('coop-admin')
  async enrolIn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EnrolDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: CommandMeta,
  ): Promise<EnrolmentIdResponse> {
    return this.enrol.execute(id, await this.admitted.coopOf(actor), dto, meta);
  }
}
