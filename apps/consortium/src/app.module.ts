import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregatesModule } from '@libs/aggregates';
import { IdempotencyModule } from '@libs/api-conventions';
import { AuthModule, consortiumPolicy } from '@libs/auth';
import { ResolvedDatabase, typeOrmModuleOptions } from '@libs/database';
import { EventStoreModule, RESOLVED_DATABASE } from '@libs/event-store/event-store.module';
import { HealthModule } from '@libs/http';
import { ProjectionsModule } from '@libs/projections';
import { consortiumLegalForm } from '@libs/rules';
import { WebhooksModule } from '@libs/webhooks';
import { BOARD, Board, readBoard } from './board';
import { CONSORTIUM_FORM } from './consortium-form';
import { BookingsModule } from './bookings/bookings.module';
import { BooksModule } from './books/books.module';
import { BudgetsModule } from './budgets/budgets.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { ComplianceModule } from './compliance/compliance.module';
import { ConsortiumCommands } from './consortium-commands';
import {
  CONSORTIUM_ENTITIES,
  CONSORTIUM_MIGRATIONS,
  CONSORTIUM_PROJECTIONS,
} from './database/read-models';
import { ExchangesModule } from './exchanges/exchanges.module';
import { ExportModule } from './export/export.module';
import { PooledMeansModule } from './pooled-means/pooled-means.module';
import { ProjectsModule } from './projects/projects.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { AdmittedCoopsModule } from './registry/admitted-coops.module';
import { RegistryModule } from './registry/registry.module';
import { ReportsModule } from './reports/reports.module';
import { TrainingsModule } from './trainings/trainings.module';

const board: Board = readBoard(process.env);
const consortiumForm = consortiumLegalForm(process.env.CONSORTIUM_LEGAL_FORM);

/** Shared by every bounded context of the consortium app. */
@Module({
  imports: [AggregatesModule],
  providers: [
    ConsortiumCommands,
    { provide: BOARD, useValue: board },
    { provide: CONSORTIUM_FORM, useValue: consortiumForm },
  ],
  exports: [ConsortiumCommands, BOARD, CONSORTIUM_FORM],
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
          entities: CONSORTIUM_ENTITIES,
          migrations: CONSORTIUM_MIGRATIONS,
        }),
        [RESOLVED_DATABASE],
      ),
    ),
    AuthModule.forRoot(() => consortiumPolicy(board.members)),
    { module: ConsortiumKernelModule, global: true },
    // Global: contexts that wait for a read model to catch up (budgets) inject the runner.
    { ...ProjectionsModule.forRoot({ projections: CONSORTIUM_PROJECTIONS }), global: true },
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
    WebhooksModule.forRoot({ roles: ['board-member'] }),
  ],
})
export class AppModule {}
