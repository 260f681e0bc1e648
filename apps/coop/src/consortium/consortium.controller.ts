import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { ApiProblems } from '@libs/http';
import { ConsortiumQueries } from './consortium.queries';
import { ConsortiumResponse } from './consortium.response';

@ApiTags('coop')
@ApiBearerAuth()
@Controller('consortium')
export class ConsortiumController {
  constructor(private readonly consortium: ConsortiumQueries) {}

  @Get()
  @Roles('coop-admin', 'auditor')
  @ApiOperation({
    summary: 'What the consortium decided about this coop',
    description:
      'Its admission, the allocations of pooled money to it with what was paid on them, and the settlement when it leaves: from the consortium’s events about this coop, a few seconds after the board’s decision.',
  })
  @ApiOkResponse({ type: ConsortiumResponse })
  @ApiProblems(401, 403)
  get(): Promise<ConsortiumResponse> {
    return this.consortium.view();
  }
}
