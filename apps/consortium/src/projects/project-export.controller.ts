import { Controller, Get, Inject, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolation } from '@libs/aggregates';
import { Roles } from '@libs/auth';
import { consortiumStream, PROJECT_AGGREGATE } from '@libs/contracts';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ApiProblems } from '@libs/http';
import { ApiBundleResponse, bundleResponse, prepareBundle } from '@libs/portability';
import { ConsortiumSigningKey } from '../export';
import { ProjectsQueries } from './projects.queries';

/**
 * A graduated project's history, as the bundle the new coop's app imports: the same format and
 * tools as a leaving coop's (`GET /coops/{coopId}/export`), signed by the consortium's own key.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: ConsortiumSigningKey,
    private readonly projects: ProjectsQueries,
  ) {}

  @Get(':id/export')
  @Roles('board-member')
  @ApiOperation({
    summary: 'A graduated project’s history as a verifiable bundle for its coop (NDJSON)',
    description:
      'Every event of the project’s stream, carried as the new coop’s, signed by the ' +
      'consortium’s key (`signer.party: consortium`): `npm run cli -- verify` accepts it. ' +
      '422 `project_not_graduated` before the graduation.',
  })
  @ApiBundleResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  async export(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { graduation } = await this.projects.row(id);
    if (!graduation) {
      throw new RuleViolation('project_not_graduated', 'only a project that became a coop leaves');
    }
    const bundle = await prepareBundle({
      store: this.store,
      coopId: graduation.coopId,
      streamPrefix: consortiumStream(PROJECT_AGGREGATE, id),
      signer: await this.signingKey.signer(),
    });
    return bundleResponse(bundle);
  }
}
