import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregatesModule } from '@libs/aggregates';
import { IdempotencyModule } from '@libs/api-conventions';
import { AuthModule, coopPolicy } from '@libs/auth';
import { ResolvedDatabase, typeOrmModuleOptions } from '@libs/database';
import { EventStoreModule, RESOLVED_DATABASE } from '@libs/event-store/event-store.module';
import { HealthModule } from '@libs/http';
import { ProjectionsModule } from '@libs/projections';
import { ConsortiumModule } from './consortium/consortium.module';
import { WebhooksModule } from '@libs/webhooks';
import { ContributionsModule } from './contributions/contributions.module';
import { CoopCommands } from './coop-commands';
import { COOP_ID } from './coop-id';
import { COOP_ENTITIES, COOP_MIGRATIONS, coopProjections } from './database/read-models';
import { ExportModule } from './export/export.module';
import { MembershipModule } from './membership/membership.module';
import { ProfileModule } from './profile/profile.module';
import { ResourcesModule } from './resources/resources.module';
import { WorkforceModule } from './workforce/workforce.module';
import { TrainingsModule } from './trainings/trainings.module';

/** The local coop's app: one bounded context per folder beside this module, imported here. */
@Module({})
export class AppModule {
  static forCoop(coopId: string): DynamicModule {
    return {
      module: AppModule,
      // Global so that every bounded context can inject COOP_ID and CoopCommands.
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
              entities: COOP_ENTITIES,
              migrations: COOP_MIGRATIONS,
            }),
            [RESOLVED_DATABASE],
          ),
        ),
        AuthModule.forRoot(() => coopPolicy(coopId)),
        AggregatesModule,
        ProjectionsModule.forRoot({ projections: coopProjections(coopId) }),
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
        WebhooksModule.forRoot({ roles: ['coop-admin'] }),
      ],
      providers: [{ provide: COOP_ID, useValue: coopId }, CoopCommands],
      exports: [COOP_ID, CoopCommands],
    };
  }
}
