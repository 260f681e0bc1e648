import {
  DynamicModule,
  InjectionToken,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { DataSource } from 'typeorm';
import { ProjectionLeadership } from './projection-leadership';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ReadSide } from './read-side';

/** What the runner needs besides the store and the DataSource, which come by injection. */
export type ProjectionsOptions = Omit<ProjectionRunnerOptions, 'store' | 'dataSource'> & {
  /** How long a follower whose wait for the lock failed waits before it tries again (ms). */
  leaderIntervalMs?: number;
};

export interface ProjectionsProviders {
  /** The EventStore provider; default `EVENT_STORE` (from the global EventStoreModule). */
  eventStore?: InjectionToken;
  /** The read-model DataSource provider; default the app's TypeORM DataSource (`TypeOrmModule.forRoot*`). */
  dataSource?: InjectionToken;
}

export interface ProjectionsModuleAsyncOptions
  extends ProjectionsProviders, Pick<ModuleMetadata, 'imports'> {
  /** For projections that need other providers (configuration, clocks). */
  useFactory: (...deps: never[]) => ProjectionsOptions | Promise<ProjectionsOptions>;
  inject?: InjectionToken[];
}

let features = 0;

/**
 * Runs the given projections for the app's lifetime, in one replica at a time: the leader (see
 * `ProjectionLeadership`), chosen once the app has bootstrapped (its DataSource initialized,
 * migrations run); the projections stop as the app shuts down, before the DataSource and the
 * store close. Exports the `ProjectionRunner` for status endpoints and tests, and the
 * `ProjectionLeadership` for health reports.
 */
const OPTIONS = Symbol('PROJECTIONS_OPTIONS');

@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly leadership: ProjectionLeadership) {}

  static forRoot(options: ProjectionsOptions & ProjectionsProviders): DynamicModule {
    const { eventStore, dataSource, ...runnerOptions } = options;
    return ProjectionsModule.forRootAsync({
      eventStore,
      dataSource,
      useFactory: () => runnerOptions,
    });
  }

  /**
   * A bounded context's own projections, from its read side, added to the runner of `forRoot`
   * (global) before it starts: each context registers them from its own module. `scope` is the
   * provider its projections are built for (the coop app's COOP_ID), if any.
   */
  static forFeature<Scope>(readSide: ReadSide<Scope>, scope?: InjectionToken): DynamicModule {
    // One token per call: each context's registration is a module of its own for Nest.
    const token = Symbol(`projections feature ${++features}`);
    return {
      module: ProjectionsFeatureModule,
      providers: [
        {
          provide: token,
          useFactory: (runner: ProjectionRunner, value: Scope) =>
            runner.register(readSide.projections?.(value) ?? []),
          inject: scope ? [ProjectionRunner, scope] : [ProjectionRunner],
        },
      ],
    };
  }

  static forRootAsync(options: ProjectionsModuleAsyncOptions): DynamicModule {
    const { eventStore = EVENT_STORE, dataSource = DataSource, inject = [], useFactory } = options;
    return {
      module: ProjectionsModule,
      // Global: every context's `forFeature` registers with this one runner.
      global: true,
      imports: options.imports,
      providers: [
        { provide: OPTIONS, useFactory, inject },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, source: DataSource, settings: ProjectionsOptions) => {
            const { leaderIntervalMs: _interval, ...runnerOptions } = settings;
            return new ProjectionRunner({ ...runnerOptions, store, dataSource: source });
          },
          inject: [eventStore, dataSource, OPTIONS],
        },
        {
          provide: ProjectionLeadership,
          useFactory: (
            runner: ProjectionRunner,
            source: DataSource,
            settings: ProjectionsOptions,
          ) =>
            new ProjectionLeadership({
              dataSource: source,
              name: runner.schema,
              intervalMs: settings.leaderIntervalMs,
              logger: settings.logger,
              onLead: () => runner.start(),
              onFollow: () => runner.stop(),
            }),
          inject: [ProjectionRunner, dataSource, OPTIONS],
        },
      ],
      exports: [ProjectionRunner, ProjectionLeadership],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.leadership.stop();
  }
}

/** Holds one context's registration (see `ProjectionsModule.forFeature`). */
@Module({})
class ProjectionsFeatureModule {}
