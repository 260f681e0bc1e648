import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { ResourceKind, Theme } from './vocabulary';

/** Stream: `coop/<coopId>/resource/<resourceId>`. */
export const RESOURCE_AGGREGATE = 'resource';

export type ResourceTerms =
  | { type: 'free' }
  | { type: 'at_cost'; price: Money }
  | { type: 'sol'; price: Money }
  | { type: 'hours'; hours: number };

export type ResourceShared = DomainEvent<
  'ResourceShared',
  {
    resourceId: string;
    kind: ResourceKind;
    title: string;
    description: string | null;
    themes: Theme[];
    terms: ResourceTerms;
    sharedOn: string;
  }
>;

export type ResourceWithdrawn = DomainEvent<
  'ResourceWithdrawn',
  { resourceId: string; withdrawnOn: string }
>;

export type ResourceEvent = ResourceShared | ResourceWithdrawn;
