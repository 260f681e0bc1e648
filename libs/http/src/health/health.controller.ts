import { Controller, Get, HttpStatus, Inject, OnModuleInit, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@libs/auth';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ProjectionLeadership } from '@libs/projections';
import { ComponentStatus, HealthReport } from './health-report';

/** Longer than this and a component counts as down: a health check must answer quickly. */
export const HEALTH_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleInit {
  private dataSource: DataSource | undefined;
  private leadership: ProjectionLeadership | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The app's read models, when it has any; until then the store's database is the database.
    try {
      this.dataSource = this.moduleRef.get(DataSource, { strict: false });
    } catch {
      this.dataSource = undefined;
    }
    try {
      this.leadership = this.moduleRef.get(ProjectionLeadership, { strict: false });
    } catch {
      this.leadership = undefined;
    }
  }

  // On the handler, not the class: hooks that run before the guard (the 401 limit) see it there.
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the app is up and its database answers' })
  @ApiOkResponse({
    type: HealthReport,
    description:
      'The app, its event store and its database answer; `projections` tells whether this replica runs the projections',
  })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The event store or the database does not answer',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const [eventStore, database] = await Promise.all([
      probe(() => this.store.headPosition()),
      probe(() =>
        this.dataSource ? this.dataSource.query('SELECT 1') : this.store.headPosition(),
      ),
    ]);
    const healthy = eventStore === 'up' && database === 'up';
    if (!healthy) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    const role = this.leadership ? { projections: this.leadership.role } : {};
    return { status: healthy ? 'ok' : 'unavailable', eventStore, database, ...role };
  }
}

async function probe(check: () => Promise<unknown>): Promise<ComponentStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
