import { EventStore, START } from '@libs/event-store';
import { ProjectionRunner, ProjectionStatus } from '@libs/projections';
import { Gauge, register } from 'prom-client';

interface ProjectionFigures {
  name: string;
  lagEvents: number;
  lagSeconds: number;
  parked: number;
}

const GAUGES = {
  lagEvents: [
    'projection_lag_events',
    'Events in the log after the last one this projection applied (0 when none is for it)',
  ],
  lagSeconds: [
    'projection_lag_seconds',
    'Age of the oldest event this projection has not applied yet, when one is pending for it (0 when caught up)',
  ],
  parked: ['projection_parked_events', 'Events this projection could not apply and set aside'],
} as const;

/**
 * The projections' lag and parked events as gauges, read from `ProjectionRunner.status()` (the
 * database's checkpoints: true whichever process runs them) when `/metrics` is scraped. One status
 * read serves the three gauges of a scrape.
 */
export class ProjectionMetrics {
  private readonly gauges: Gauge<'projection'>[] = [];
  private current: Promise<ProjectionFigures[]> | undefined;
  /** Since when each lagging projection has been seen at its position, by this process's scrapes. */
  private readonly behindSince = new Map<string, { position: number; since: number }>();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
  ) {
    for (const [key, [name, help]] of Object.entries(GAUGES) as [
      keyof typeof GAUGES,
      (typeof GAUGES)[keyof typeof GAUGES],
    ][]) {
      register.removeSingleMetric(name);
      const figures = () => this.figures();
      this.gauges.push(
        new Gauge({
          name,
          help,
          labelNames: ['projection'],
          async collect() {
            this.reset();
            for (const projection of await figures())
              this.set({ projection: projection.name }, projection[key]);
          },
        }),
      );
    }
  }

  /** Takes the gauges out of the registry (the app closes). */
  remove(): void {
    for (const name of Object.values(GAUGES).map(([gaugeName]) => gaugeName))
      register.removeSingleMetric(name);
  }

  private figures(): Promise<ProjectionFigures[]> {
    this.current ??= this.read().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async read(): Promise<ProjectionFigures[]> {
    const statuses = await this.runner.status();
    const now = Date.now();
    return Promise.all(
      statuses.map(async (status) => ({
        name: status.name,
        lagEvents: status.lag,
        lagSeconds: await this.lagSeconds(status, now),
        parked: status.parkedEvents,
      })),
    );
  }

  /**
   * The age of the oldest event after the checkpoint, from its `occurredAt` (the time of its append
   * unless its writer set one, as an import of older history does). The store may hold recent
   * events back from every reader while an older transaction runs (the PostgreSQL adapter does):
   * then the time since a scrape first saw the projection behind at this position stands in, so a
   * projection that does not move shows a growing lag either way.
   */
  private async lagSeconds(status: ProjectionStatus, now: number): Promise<number> {
    if (status.lag === 0) {
      this.behindSince.delete(status.name);
      return 0;
    }
    const behind = this.behindSince.get(status.name);
    const since = behind?.position === status.position ? behind.since : now;
    this.behindSince.set(status.name, { position: status.position, since });
    let oldest = since;
    for await (const event of this.store.readAll(status.checkpoint ?? START, { maxCount: 1 }))
      oldest = Math.min(oldest, event.occurredAt.getTime());
    return Math.max(0, (now - oldest) / 1000);
  }
}
