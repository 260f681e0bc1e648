import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { ReportLanguage } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { atomFeed } from './atom-feed';
import { Newsletter } from './newsletter';
import { NEWSLETTER_WORDING } from './newsletter-wording';
import { Quarter, quarterOf } from './quarter';
import { PublishedReportRow } from './published-report.entity';
import { ReportEditions } from './report-editions';
import { ReportsQueries } from './reports.queries';

const FEED_TITLE = 'The consortium’s quarterly reports';

/** The reports the board published: what the public sees. */
@Injectable()
export class PublishedReports {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsQueries,
    private readonly editions: ReportEditions,
  ) {}

  /** The newsletter of a published quarter; 404 for one not published. */
  async newsletter(quarter: Quarter, language: ReportLanguage): Promise<Newsletter> {
    // The stream, not the feed's projection: published is published the moment the board says so.
    const edition = await this.editions.of(quarter.id);
    if (!edition.publishedOn) throw new NotFound(`the report of ${quarter.id} is not published`);
    return this.reports.newsletter(quarter, language);
  }

  /** Newest quarter first. */
  async feed(base: string): Promise<string> {
    const rows = await this.db.getRepository(PublishedReportRow).find({
      where: { publishedOn: Not(IsNull()) },
      order: { quarter: 'DESC' },
    });
    const words = NEWSLETTER_WORDING.en;
    return atomFeed(
      base,
      FEED_TITLE,
      rows.map((row) => {
        const quarter = quarterOf(row.quarter);
        return {
          quarter: row.quarter,
          title: words.title(row.quarter),
          summary: words.period(quarter.firstDay, quarter.lastDay),
          publishedOn: row.publishedOn!,
          updatedAt: row.updatedAt,
        };
      }),
    );
  }
}
