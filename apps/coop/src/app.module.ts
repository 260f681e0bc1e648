import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregatesModule, COMMAND_SCOPE } from '@libs/aggregates';
import { IdempotencyModule } from '@libs/api-conventions';
import { AuthModule, coopPolicy } from '@libs/auth';
import { ResolvedDatabase, typeOrmModuleOptions } from '@libs/database';
import { EventStoreModule, RESOLVED_DATABASE } from '@libs/event-store/event-store.module';
import { HealthModule } from '@libs/http';
import { ProjectionsModule } from '@libs/projections';
import { ConsortiumModule } from './consortium';
import { ContributionsModule } from './contributions';
import { coopCommandScope } from './coop-command-scope';
import { WebhooksModule } from '@libs/webhooks';
import { WEBHOOKS_READ_SIDE } from './webhooks';
import { COOP_ID } from './coop-id';
import { coopReadModels } from './database/read-sides';
import { ExportModule } from './export';
import { MembershipModule } from './membership';
import { ProfileModule } from './profile';
import { ResourcesModule } from './resources';
import { WorkforceModule } from './workforce';
import { TrainingsModule } from './trainings';

/** The local coop's app: one bounded context per folder beside this module, imported here. */
@Module({})
export class AppModule {
  static forCoop(coopId: string): DynamicModule {
    const readModels = coopReadModels(coopId);
    return {
      module: AppModule,
      // Global so that every bounded context can inject COOP_ID, and its command handlers the
      // AggregateRepository and this coop's COMMAND_SCOPE.
      global: true,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(),
        // The read models, in the same database as the store when both are embedded. Each app has
        // a schema of its own, since `npm start` runs them all on one database.
        TypeOrmModule.forRootAsync(
          typeOrmModuleOptions(
            (database: ResolvedDatabase) => ({
              url: database.url,
              schema: process.env.DATABASE_SCHEMA || `coop_${coopId.replace(/-/g, '_')}`,
              entities: readModels.entities,
              migrations: readModels.migrations,
            }),
            [RESOLVED_DATABASE],
          ),
        ),
        AuthModule.forRoot(() => coopPolicy(coopId)),
        AggregatesModule,
        // Each context registers its projections with it (`ProjectionsModule.forFeature`).
        ProjectionsModule.forRoot({}),
        IdempotencyModule,
        HealthModule,
        ProfileModule,
        MembershipModule,
        ContributionsModule,
        ResourcesModule,
        WorkforceModule,
        TrainingsModule,
        ConsortiumModule,
        ExportModule,
        ProjectionsModule.forFeature(WEBHOOKS_READ_SIDE, COOP_ID),
        WebhooksModule.forRoot({ roles: ['coop-admin'] }),
      ],
      providers: [
        { provide: COOP_ID, useValue: coopId },
        { provide: COMMAND_SCOPE, useValue: coopCommandScope(coopId) },
      ],
      exports: [COOP_ID, COMMAND_SCOPE, AggregatesModule],
    };
  }
}
