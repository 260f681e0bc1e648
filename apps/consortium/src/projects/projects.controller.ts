import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { PipelineResponse, ProjectResponse } from './project.response';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@libs/auth';
import { Theme, THEMES } from '@libs/contracts';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import {
  ChangeStageDto,
  FundsDto,
  GraduationDto,
  OpenProjectDto,
  ProjectIdResponse,
  RecordedIdResponse,
  SupportDto,
} from './projects.dto';
import { ReadsViews } from '../read-models';
import { ProjectsQueries } from './projects.queries';
import { ProjectsService } from './projects.service';

export class PipelineQuery {
  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;
}

/** Incubation: the citizen projects the consortium hosts until they become coops. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly queries: ProjectsQueries,
  ) {}

  @Recording(undefined, {
    summary: 'Take in a citizen project; its contact person is sealed, erasable',
    created: ProjectIdResponse,
    problems: [400, 401, 403],
  })
  @Roles('board-member')
  open(@Body() dto: OpenProjectDto, @Meta() meta: CommandMeta): Promise<ProjectIdResponse> {
    return this.projects.open(dto, meta);
  }

  @ReadsViews(['incubated_projects'], { type: PipelineResponse })
  @Get()
  @Roles('board-member', 'auditor')
  @ApiOperation({
    summary: 'The pipeline: projects by stage, counts by theme, days spent in each stage',
  })
  @ApiProblems(400, 401, 403)
  pipeline(@Query() query: PipelineQuery) {
    return this.queries.pipeline(query.theme);
  }

  @ReadsViews(['incubated_projects'], { type: ProjectResponse })
  @Get(':id')
  @Roles('board-member', 'auditor')
  @ApiOperation({ summary: 'One project: its stages, contact, support received, funds held' })
  @ApiProblems(400, 401, 403, 404)
  one(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.one(id);
  }

  @Recording(':id/stage', {
    summary: 'Move the project to a stage, dated: 422 `project_stage_before_previous`',
    created: null,
    problems: [400, 401, 403, 404, 422],
  })
  @Roles('board-member')
  async stage(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeStageDto,
    @Meta() meta: CommandMeta,
  ): Promise<void> {
    await this.projects.changeStage(id, dto, meta);
  }

  @Recording(':id/support', {
    summary: 'Support given (hours or money); hours by a coop count in its hours given',
    created: RecordedIdResponse,
    problems: [400, 401, 403, 404, 422],
  })
  @Roles('board-member')
  support(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SupportDto,
    @Meta() meta: CommandMeta,
  ): Promise<RecordedIdResponse> {
    return this.projects.support(id, dto, meta);
  }

  @Recording(':id/funds', {
    summary: 'Money held for the project, in or out: 422 `project_funds_insufficient` below zero',
    created: RecordedIdResponse,
    problems: [400, 401, 403, 404, 422],
  })
  @Roles('board-member')
  funds(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FundsDto,
    @Meta() meta: CommandMeta,
  ): Promise<RecordedIdResponse> {
    return this.projects.moveFunds(id, dto, meta);
  }

  @Delete(':id/contact')
  @HttpCode(204)
  @Roles('board-member')
  @ApiOperation({ summary: 'Erase the contact person for good: their sealed data no longer opens' })
  @ApiNoContentResponse({ description: 'erased' })
  @ApiProblems(400, 401, 403, 404)
  async eraseContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Meta() meta: CommandMeta,
  ): Promise<void> {
    await this.projects.eraseContact(id, meta);
  }

  @Recording(':id/graduation', {
    summary: 'The project became a coop (from the constitution stage): it applies to the registry',
    created: null,
    problems: [400, 401, 403, 404, 422],
  })
  @Roles('board-member')
  async graduate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GraduationDto,
    @Meta() meta: CommandMeta,
  ): Promise<void> {
    await this.projects.graduate(id, dto, meta);
  }
}
