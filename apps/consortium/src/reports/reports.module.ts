import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BooksReadModule } from '../books';
import { BudgetsModule } from '../budgets';
import { CatalogueModule } from '../catalogue';
import { ComplianceModule } from '../compliance';
import { ExchangesModule } from '../exchanges';
import { PooledMeansModule } from '../pooled-means';
import { RegistryModule } from '../registry';
import { TrainingsModule } from '../trainings';
import { PublicReportsController } from './public-reports.controller';
import { PublishedReports } from './published-reports';
import { ReportEditions } from './report-editions';
import { ReportsController } from './reports.controller';
import { ReportsQueries } from './reports.queries';
import { REPORTS_READ_SIDE } from './reports.read-side';
import { ReportHandler } from './report.command-handler';

/** The quarterly report: it reads every other context through its exported queries only. */
@Module({
  imports: [
    ProjectionsModule.forFeature(REPORTS_READ_SIDE),
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
  providers: [ReportHandler, ReportsQueries, ReportEditions, PublishedReports],
})
export class ReportsModule {}
