import {
  DynamicModule,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ProjectionRunner } from '@libs/projections';
import { collectDefaultMetrics, register } from 'prom-client';
import { LogSettings, loggerModule } from './log-format';
import { MetricsAccess } from './metrics-access';
import { MetricsController } from './metrics.controller';
import { ProjectionMetrics } from './projection-metrics';
import { stopTracing } from './tracing';

/** The projections' gauges when the app runs projections; the SDK's last spans at shutdown. */
@Injectable()
class ObservabilityLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private projections: ProjectionMetrics | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    let runner: ProjectionRunner;
    let store: EventStore;
    try {
      runner = this.moduleRef.get(ProjectionRunner, { strict: false });
      store = this.moduleRef.get<EventStore>(EVENT_STORE, { strict: false });
    } catch {
      return; // an app without projections
    }
    this.projections = new ProjectionMetrics(runner, store);
  }

  async onApplicationShutdown(): Promise<void> {
    this.projections?.remove();
    await stopTracing();
  }
}

const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * What makes an app observable from inside Nest: `GET /metrics` (see `MetricsController`), the
 * projections' gauges, and, given log settings, pino as the app's logger (nestjs-pino). The HTTP
 * side (hooks on Fastify) is `observeHttp`.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(
    logs: LogSettings | undefined,
    env: NodeJS.ProcessEnv = process.env,
  ): DynamicModule {
    // Process-wide figures (CPU, memory, event-loop delay, GC), once per process. The event-loop
    // delay is sampled every EVENT_LOOP_SAMPLE_MS rather than prom-client's 10 ms: a timer 100
    // times a second was a third of an idle app's CPU, and a stall long enough to matter still
    // shows whole in the sample it overlaps.
    if (!register.getSingleMetric('process_cpu_seconds_total')) {
      collectDefaultMetrics({ eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
    }
    return {
      module: ObservabilityModule,
      imports: logs ? [loggerModule(logs)] : [],
      controllers: [MetricsController],
      providers: [
        { provide: MetricsAccess, useValue: MetricsAccess.fromEnv(env) },
        ObservabilityLifecycle,
      ],
    };
  }
}
