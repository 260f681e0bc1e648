import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ResolvedDatabase, resolveDatabase } from '@libs/database';
import { EVENT_STORE, EventStore } from './event-store.port';
import { createEventStore, subscriptionWake } from './event-store.factory';
import { observedEventStore } from './observed-event-store';
import { Upcasters } from './upcaster';

/**
 * The app's database as `resolveDatabase()` found it: `DATABASE_URL`, or the embedded PGlite this
 * process started. Resolved once per app, so the event store and the read models (TypeORM: inject
 * this token into `typeOrmModuleOptions`) share one embedded server instead of each starting one
 * on the same data directory.
 */
export const RESOLVED_DATABASE = Symbol('RESOLVED_DATABASE');

export interface EventStoreModuleOptions {
  upcasters?: Upcasters;
}

/**
 * Closes the store before the database it may live in stops: the store on
 * `beforeApplicationShutdown` (after subscriptions stopped in `onModuleDestroy`), the embedded
 * database last, on `onApplicationShutdown`.
 */
@Injectable()
class EventStoreLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RESOLVED_DATABASE) private readonly database: ResolvedDatabase,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.stop();
  }
}

/**
 * Provides `EVENT_STORE` (global) from `EVENT_STORE_URL`, else the database's URL (so that with
 * neither `EVENT_STORE_URL` nor `DATABASE_URL` the app runs on the embedded store), and
 * `RESOLVED_DATABASE`. Also read: `EVENT_STORE_SCHEMA`, `EVENT_STORE_POOL_SIZE` and
 * `EVENT_STORE_WAKE` (`notify`, the default, or `poll`) (PostgreSQL).
 */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(
    options: EventStoreModuleOptions = {},
    env: NodeJS.ProcessEnv = process.env,
  ): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: RESOLVED_DATABASE, useFactory: () => resolveDatabase(env) },
        {
          provide: EVENT_STORE,
          inject: [RESOLVED_DATABASE],
          useFactory: async (database: ResolvedDatabase): Promise<EventStore> => {
            const store = createEventStore(env.EVENT_STORE_URL || database.url, {
              upcasters: options.upcasters,
              schema: env.EVENT_STORE_SCHEMA || undefined,
              poolSize: env.EVENT_STORE_POOL_SIZE ? Number(env.EVENT_STORE_POOL_SIZE) : undefined,
              wake: subscriptionWake(env.EVENT_STORE_WAKE),
            });
            await store.init();
            return observedEventStore(store);
          },
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, RESOLVED_DATABASE],
    };
  }
}
