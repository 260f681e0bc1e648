import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { ApiProblems } from '@libs/http';
import { ProjectionRunner, ProjectionStatus } from '@libs/projections';

export class ReadModelState {
  @ApiProperty({ example: 'pooled_means', maxLength: 100 })
  name!: string;

  @ApiProperty({ description: 'every event up to the head of the log is in it' })
  caughtUp!: boolean;

  @ApiProperty({ description: 'replaying the log from the start: its figures are partial' })
  rebuilding!: boolean;

  @ApiProperty({ description: 'stopped on an error (the operator sees it with the CLI)' })
  failing!: boolean;

  @ApiProperty({ description: 'events in the log it has not reached yet' })
  lag!: number;
}

export class ReadModelStates {
  @ApiProperty({ type: [ReadModelState], maxItems: 100 })
  items!: ReadModelState[];
}

/**
 * How fresh the views are: the pooled means, the registry, the catalogue are built from the log
 * and trail it; while one is rebuilt (a new version deployed) its figures are partial, and the
 * board should know before reading them. Error details stay with the operator (CLI).
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class ReadModelsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @Roles('board-member', 'auditor')
  @ApiOperation({ summary: 'Whether each view is up to date with the event log, or rebuilding' })
  @ApiOkResponse({ type: ReadModelStates })
  @ApiProblems(401, 403)
  async list(): Promise<ReadModelStates> {
    return { items: (await this.runner.status()).map(readModelState) };
  }
}

function readModelState(status: ProjectionStatus): ReadModelState {
  return {
    name: status.name,
    caughtUp: status.caughtUp,
    rebuilding: status.rebuilding,
    failing: status.lastError !== null,
    lag: status.lag,
  };
}
