import { Injectable } from '@nestjs/common';
import { CatalogueQueries } from '../catalogue/catalogue.queries';
import { ComplianceQueries } from '../compliance/compliance.queries';
import { TimeAccountsQueries } from '../exchanges/time-accounts.queries';
import { PooledMeansQueries } from '../pooled-means/pooled-means.queries';
import { CoopsQueries } from '../registry/coops.queries';
import { TrainingsQueries } from '../trainings/trainings.queries';
import { Quarter } from './quarter';
import { QuarterlyReport, quarterlyReport } from './quarterly-report';

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
  ) {}

  async report(quarter: Quarter): Promise<QuarterlyReport> {
    const { firstDay: from, lastDay: to } = quarter;
    const [byMonth, moves, trainings, exchanges, resources, compliance] = await Promise.all([
      this.pooled.months(quarter.months[0], quarter.months[2]),
      this.coops.admittedAndLeft(from, to),
      this.trainings.heldBetween(from, to),
      this.exchanges.confirmedBetween(from, to),
      this.catalogue.sharedBetween(from, to),
      this.compliance.report(),
    ]);
    return quarterlyReport(quarter, {
      byMonth,
      ...moves,
      trainings,
      exchanges,
      resources,
      compliance,
    });
  }
}
