import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResolvedDatabase, typeOrmModuleOptions } from '@libs/database';
import { EventStoreModule, RESOLVED_DATABASE } from '@libs/event-store/event-store.module';
import { HealthModule } from '@libs/http';

/** The consortium's app: one bounded context per folder beside this module, imported here. */
@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule.forRoot(),
    // The read models (projections), in the same database as the store when both are embedded.
    TypeOrmModule.forRootAsync(
      typeOrmModuleOptions(
        (database: ResolvedDatabase) => ({
          url: database.url,
          schema: process.env.DATABASE_SCHEMA || 'consortium',
          entities: [],
          migrations: [],
        }),
        [RESOLVED_DATABASE],
      ),
    ),
    HealthModule,
  ],
})
export class AppModule {}
