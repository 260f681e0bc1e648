import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CONSORTIUM_STREAM_PREFIX, REPORT_AGGREGATE, ReportEvent } from '@libs/contracts';
import { rowProjection } from '@libs/projections';

/** `published_reports`: the quarters the board made public, for the feed to list. */
@Entity({ name: 'published_reports' })
export class PublishedReportRow {
  @PrimaryColumn('text')
  quarter!: string;

  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  /** The last change to the report's stream (an editorial corrected after publication counts). */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

export const publishedReportsProjection = rowProjection<PublishedReportRow>({
  name: 'published_reports',
  version: 1,
  filter: {
    streamPrefix: `${CONSORTIUM_STREAM_PREFIX}${REPORT_AGGREGATE}/`,
    eventTypes: ['EditorialWritten', 'ReportPublished'],
  },
  entity: PublishedReportRow,
  key: (event) => (event.data as ReportEvent['data']).quarter,
  evolve: (row, recorded) => {
    const event = recorded as unknown as ReportEvent;
    return {
      quarter: event.data.quarter,
      publishedOn:
        event.type === 'ReportPublished' ? event.data.publishedOn : (row?.publishedOn ?? null),
      updatedAt: recorded.occurredAt,
    };
  },
});
