import { ReadSide } from '@libs/projections';
import { PublishedReports1765500000020 } from './migrations/1765500000020-published-reports';
import { publishedReportsProjection, PublishedReportRow } from './published-report.entity';

export const REPORTS_READ_SIDE: ReadSide = {
  entities: [PublishedReportRow],
  migrations: [PublishedReports1765500000020],
  projections: () => [publishedReportsProjection],
};
