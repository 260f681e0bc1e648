import { Injectable } from '@nestjs/common';
import { ReportLanguage } from '@libs/contracts';
import { BooksQueries } from '../books';
import { AllocationIndex } from '../budgets';
import { CatalogueQueries } from '../catalogue';
import { ComplianceQueries } from '../compliance';
import { TimeAccountsQueries } from '../exchanges';
import { PooledMeansQueries } from '../pooled-means';
import { CoopsQueries } from '../registry';
import { TrainingsQueries } from '../trainings';
import { Quarter } from './quarter';
import { Newsletter, newsletterOf } from './newsletter';
import { QuarterlyReport, quarterlyReport } from './quarterly-report';
import { ReportEditions } from './report-editions';

/** The quarter's account, read from each context through the queries it exports. */
@Injectable()
export class ReportsQueries {
  constructor(
    private readonly pooled: PooledMeansQueries,
    private readonly coops: CoopsQueries,
    private readonly trainings: TrainingsQueries,
    private readonly exchanges: TimeAccountsQueries,
    private readonly catalogue: CatalogueQueries,
    private readonly compliance: ComplianceQueries,
    private readonly editions: ReportEditions,
    private readonly allocations: AllocationIndex,
    private readonly books: BooksQueries,
  ) {}

  /** The newsletter of the quarter in one language: its figures and the board's editorial. */
  async newsletter(quarter: Quarter, language: ReportLanguage): Promise<Newsletter> {
    const [report, edition] = await Promise.all([
      this.report(quarter),
      this.editions.of(quarter.id),
    ]);
    return newsletterOf(report, edition, language);
  }

  async report(quarter: Quarter): Promise<QuarterlyReport> {
    const { firstDay: from, lastDay: to } = quarter;
    const [byMonth, moves, decisions, trainings, exchanges, resources, compliance, books] =
      await Promise.all([
        this.pooled.months(quarter.months[0], quarter.months[2]),
        this.coops.admittedAndLeft(from, to),
        this.allocations.decidedBetween(from, to),
        this.trainings.heldBetween(from, to),
        this.exchanges.confirmedBetween(from, to),
        this.catalogue.sharedBetween(from, to),
        this.compliance.report(),
        this.books.between(from, to),
      ]);
    return quarterlyReport(quarter, {
      byMonth,
      ...moves,
      decisions,
      trainings,
      exchanges,
      resources,
      compliance,
      books,
    });
  }
}
