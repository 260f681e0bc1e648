import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { ApiProblems } from '@libs/http';
import {
  ERROR_MESSAGE_MAX_LENGTH,
  ParkedEvent,
  ProjectionRunner,
  ProjectionStatus,
} from '@libs/projections';

/** How many of a view's parked events the board sees; the operator lists them all with the CLI. */
export const PARKED_SHOWN = 5;

const READ_MODEL_STATUSES = ['up-to-date', 'catching-up', 'rebuilding', 'failing', 'parked'];
type ReadModelStatus = (typeof READ_MODEL_STATUSES)[number];

/** An event type is a name in the contracts (`ContributionRecorded`): tens of characters. */
const EVENT_TYPE_MAX_LENGTH = 100;

export class ParkedEventSummary {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  eventId!: string;

  @ApiProperty({
    example: 'ContributionRecorded',
    maxLength: EVENT_TYPE_MAX_LENGTH,
    pattern: '^[A-Za-z0-9]+$',
  })
  eventType!: string;

  @ApiProperty({ description: 'its place in the event log (global position)' })
  position!: number;

  @ApiProperty({
    example: "TypeError: Cannot read properties of undefined (reading 'unit')",
    maxLength: ERROR_MESSAGE_MAX_LENGTH,
  })
  error!: string;

  @ApiProperty({ format: 'date-time', maxLength: 24, example: '2027-03-01T09:30:00.000Z' })
  parkedAt!: string;
}

export class ReadModelState {
  @ApiProperty({ example: 'pooled_means', maxLength: 100, pattern: '^[a-z0-9_]+$' })
  name!: string;

  @ApiProperty({
    enum: READ_MODEL_STATUSES,
    description:
      'the worst of: `failing` (stopped on an error, retried), `rebuilding` (figures partial until it catches up), `parked` (some events could not be applied: figures partial until the operator retries them), `catching-up`, `up-to-date`',
  })
  status!: ReadModelStatus;

  @ApiProperty({ description: 'every event up to the head of the log is in it (or parked)' })
  caughtUp!: boolean;

  @ApiProperty({ description: 'replaying the log from the start: its figures are partial' })
  rebuilding!: boolean;

  @ApiProperty({ description: 'stopped on an error (the operator sees it with the CLI)' })
  failing!: boolean;

  @ApiProperty({ description: 'events in the log it has not reached yet' })
  lag!: number;

  @ApiProperty({
    description:
      'events it could not apply and set aside: while above 0 its figures are partial (the views built on it answer a `Parked-Events` header)',
  })
  parkedEvents!: number;

  @ApiProperty({
    type: [ParkedEventSummary],
    maxItems: PARKED_SHOWN,
    description: `the first ${PARKED_SHOWN} of them, in log order`,
  })
  parked!: ParkedEventSummary[];
}

export class ReadModelStates {
  @ApiProperty({ type: [ReadModelState], maxItems: 100 })
  items!: ReadModelState[];
}

/**
 * How fresh and how whole the views are: the pooled means, the registry, the catalogue are built
 * from the log and trail it; while one is rebuilt (a new version deployed), or has parked an event
 * it could not apply, its figures are partial, and the board should know before reading them.
 * Stack traces stay with the operator (CLI).
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class ReadModelsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @Roles('board-member', 'auditor')
  @ApiOperation({
    summary: 'Whether each view is up to date with the event log, rebuilding, or partial',
  })
  @ApiOkResponse({ type: ReadModelStates })
  @ApiProblems(401, 403)
  async list(): Promise<ReadModelStates> {
    const [statuses, parked] = await Promise.all([
      this.runner.status(),
      this.runner.parked(undefined, PARKED_SHOWN),
    ]);
    return { items: statuses.map((status) => readModelState(status, parked)) };
  }
}

function readModelState(status: ProjectionStatus, parked: ParkedEvent[]): ReadModelState {
  const failing = status.lastError !== null;
  return {
    name: status.name,
    status: failing
      ? 'failing'
      : status.rebuilding
        ? 'rebuilding'
        : status.parkedEvents > 0
          ? 'parked'
          : status.caughtUp
            ? 'up-to-date'
            : 'catching-up',
    caughtUp: status.caughtUp,
    rebuilding: status.rebuilding,
    failing,
    lag: status.lag,
    parkedEvents: status.parkedEvents,
    parked: parked
      .filter((event) => event.projection === status.name)
      .map((event) => ({
        eventId: event.eventId,
        eventType: event.eventType,
        position: event.globalPosition,
        error: event.error,
        parkedAt: event.parkedAt.toISOString(),
      })),
  };
}
