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
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';

/** What the runner needs besides the store and the DataSource, which come by injection. */
export type ProjectionsOptions = Omit<ProjectionRunnerOptions, 'store' | 'dataSource'>;

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

/**
 * Runs the given projections for the app's lifetime: started once the app has bootstrapped (its
 * DataSource initialized, migrations run), stopped as the app shuts down, before the DataSource
 * and the store close. Exports the `ProjectionRunner` for status endpoints and tests.
 */
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly runner: ProjectionRunner) {}

  static forRoot(options: ProjectionsOptions & ProjectionsProviders): DynamicModule {
    const { eventStore, dataSource, ...runnerOptions } = options;
    return ProjectionsModule.forRootAsync({
      eventStore,
      dataSource,
      useFactory: () => runnerOptions,
    });
  }

  static forRootAsync(options: ProjectionsModuleAsyncOptions): DynamicModule {
    const { eventStore = EVENT_STORE, dataSource = DataSource, inject = [], useFactory } = options;
    return {
      module: ProjectionsModule,
      imports: options.imports,
      providers: [
        {
          provide: ProjectionRunner,
          useFactory: async (store: EventStore, source: DataSource, ...deps: never[]) =>
            new ProjectionRunner({ ...(await useFactory(...deps)), store, dataSource: source }),
          inject: [eventStore, dataSource, ...inject],
        },
      ],
      exports: [ProjectionRunner],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
