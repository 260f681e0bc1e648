import { Module } from '@nestjs/common';
import { BooksReadModule } from '../books/books-read.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { PooledMeansModule } from '../pooled-means/pooled-means.module';
import { RegistryModule } from '../registry/registry.module';
import { TrainingsModule } from '../trainings/trainings.module';
import { PublicReportsController } from './public-reports.controller';
import { PublishedReports } from './published-reports';
import { ReportEditions } from './report-editions';
import { ReportsController } from './reports.controller';
import { ReportsQueries } from './reports.queries';

/** The quarterly report: it reads every other context through its exported queries only. */
@Module({
  imports: [
    PooledMeansModule,
    RegistryModule,
    BudgetsModule,
    BooksReadModule,
    TrainingsModule,
    ExchangesModule,
    CatalogueModule,
    ComplianceModule,
  ],
  controllers: [ReportsController, PublicReportsController],
  providers: [ReportsQueries, ReportEditions, PublishedReports],
})
export class ReportsModule {}
