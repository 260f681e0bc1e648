import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregatesModule, COMMAND_SCOPE } from '@libs/aggregates';
import { IdempotencyModule } from '@libs/api-conventions';
import { AuthModule, consortiumPolicy } from '@libs/auth';
import { ResolvedDatabase, typeOrmModuleOptions } from '@libs/database';
import { EventStoreModule, RESOLVED_DATABASE } from '@libs/event-store/event-store.module';
import { HealthModule } from '@libs/http';
import { ProjectionsModule } from '@libs/projections';
import { consortiumLegalForm } from '@libs/rules';
import { WebhooksModule } from '@libs/webhooks';
import { WEBHOOKS_READ_SIDE } from './webhooks';
import { BOARD, Board, readBoard } from './board';
import { CONSORTIUM_FORM } from './consortium-form';
import { BookingsModule } from './bookings';
// The books' write side: no other context uses it (budgets read the books through their index).
import { BooksModule } from './books/books.module';
import { BudgetsModule } from './budgets';
import { CatalogueModule } from './catalogue';
import { ComplianceModule } from './compliance';
import { CONSORTIUM_COMMAND_SCOPE } from './consortium-command-scope';
import { CONSORTIUM_READ_MODELS } from './database/read-sides';
import { ExchangesModule } from './exchanges';
import { ExportModule } from './export';
import { PooledMeansModule } from './pooled-means';
import { ProjectsModule } from './projects';
import { ReadModelsModule } from './read-models';
import { AdmittedCoopsModule } from './admitted-coops.module';
import { RegistryModule } from './registry';
import { ReportsModule } from './reports';
import { TrainingsModule } from './trainings';

const board: Board = readBoard(process.env);
const consortiumForm = consortiumLegalForm(process.env.CONSORTIUM_LEGAL_FORM);

/** Shared by every bounded context of the consortium app. */
@Module({
  imports: [AggregatesModule],
  providers: [
    { provide: COMMAND_SCOPE, useValue: CONSORTIUM_COMMAND_SCOPE },
    { provide: BOARD, useValue: board },
    { provide: CONSORTIUM_FORM, useValue: consortiumForm },
  ],
  exports: [AggregatesModule, COMMAND_SCOPE, BOARD, CONSORTIUM_FORM],
})
class ConsortiumKernelModule {}

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
          entities: CONSORTIUM_READ_MODELS.entities,
          migrations: CONSORTIUM_READ_MODELS.migrations,
        }),
        [RESOLVED_DATABASE],
      ),
    ),
    AuthModule.forRoot(() => consortiumPolicy(board.members)),
    { module: ConsortiumKernelModule, global: true },
    // Global: each context registers its projections with it (`ProjectionsModule.forFeature`).
    ProjectionsModule.forRoot({}),
    IdempotencyModule,
    HealthModule,
    AdmittedCoopsModule,
    RegistryModule,
    BudgetsModule,
    BooksModule,
    PooledMeansModule,
    CatalogueModule,
    ComplianceModule,
    ExportModule,
    ReadModelsModule,
    TrainingsModule,
    BookingsModule,
    ExchangesModule,
    ProjectsModule,
    ReportsModule,
    ProjectionsModule.forFeature(WEBHOOKS_READ_SIDE),
    WebhooksModule.forRoot({ roles: ['board-member'] }),
  ],
})
export class AppModule {}
