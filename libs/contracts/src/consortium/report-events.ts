import { DomainEvent } from '../domain-event';

/** Stream: `consortium/report/<quarter>` (`2027-Q1`): the board's newsletter of one quarter. */
export const REPORT_AGGREGATE = 'report';

/** The languages the quarterly report is written and rendered in. */
export const REPORT_LANGUAGES = ['fr', 'it', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The longest editorial the board writes, in characters: a page or two of a newsletter. */
export const EDITORIAL_MAX_LENGTH = 10_000;

/** The board's editorial of a quarter in one language; a later one replaces it. */
export type EditorialWritten = DomainEvent<
  'EditorialWritten',
  { quarter: string; language: ReportLanguage; text: string; writtenBy: string }
>;

/** The quarter's report made public (its page and the feed); once. */
export type ReportPublished = DomainEvent<
  'ReportPublished',
  { quarter: string; publishedOn: string; publishedBy: string }
>;

export type ReportEvent = EditorialWritten | ReportPublished;
