import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkforceResponse } from './workforce.response';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, HeaderReply, Meta } from '@libs/api-conventions';
import { answerHeaders, ApiProblems } from '@libs/http';
import { RecordWorkforceDto, WorkforceMonthParam } from './workforce.dto';
import { WorkforceService, WorkforceView } from './workforce.service';

@ApiTags('workforce')
@ApiBearerAuth()
@Controller()
export class WorkforceController {
  constructor(private readonly workforce: WorkforceService) {}

  @Put('workforce/:month')
  @Roles('coop-admin')
  @ApiOperation({
    summary:
      'Record a month’s workforce: workers in force (members and employees, per head) and the disadvantaged among them; the type-B quota averages them over a year',
  })
  @ApiOkResponse({ type: WorkforceResponse, headers: answerHeaders(['ETag']) })
  @ApiProblems(400, 401, 403, 412, 422)
  async record(
    @Param() { month }: WorkforceMonthParam,
    @Body() dto: RecordWorkforceDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<WorkforceView> {
    const { view, version } = await this.workforce.record(month, dto, meta);
    reply.header('ETag', etag(version));
    return view;
  }

  @Get('workforce')
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'The workforce month by month, and the type-B quota’s annual average' })
  @ApiOkResponse({ type: WorkforceResponse, headers: answerHeaders(['ETag']) })
  @ApiProblems(401, 403)
  async get(@Res({ passthrough: true }) reply: HeaderReply): Promise<WorkforceView> {
    const { view, version } = await this.workforce.view();
    reply.header('ETag', etag(version));
    return view;
  }
}
