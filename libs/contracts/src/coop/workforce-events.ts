import { DomainEvent } from '../domain-event';

/**
 * Stream: `coop/<coopId>/workforce/<coopId>`: the coop's workforce month by month, as L. 381/1991
 * art. 4 counts it for the type-B quota. Counts only, no names.
 */
export const WORKFORCE_AGGREGATE = 'workforce';

export type WorkforceRecorded = DomainEvent<
  'WorkforceRecorded',
  {
    /** `YYYY-MM` */
    month: string;
    /** Workers in force that month, per head: worker members and employees; never volunteers. */
    workers: number;
    /** Of them, disadvantaged persons. */
    disadvantaged: number;
  }
>;

export type WorkforceEvent = WorkforceRecorded;
