import { ContributionEvent } from './contribution-events';
import { IncubationHistoryEvent } from './incubation-history-events';
import { CoopProfileEvent } from './coop-profile-events';
import { MembershipEvent } from './membership-events';
import { ResourceEvent } from './resource-events';
import { TrainingEvent } from './training-events';
import { WorkforceEvent } from './workforce-events';

export type CoopEvent =
  | MembershipEvent
  | ContributionEvent
  | ResourceEvent
  | CoopProfileEvent
  | WorkforceEvent
  | TrainingEvent
  | IncubationHistoryEvent;

/**
 * The schema version each coop event type is written with today. Bump one when its payload
 * changes shape, and register an upcaster from the old version so old events read as new.
 */
export const COOP_SCHEMA_VERSIONS = {
  MemberAdmitted: 1,
  SharesSubscribed: 1,
  CapitalPaid: 1,
  MemberCategoryChanged: 1,
  MemberWithdrew: 2,
  MemberExcluded: 2,
  PersonalDataErased: 1,
  ContributionRecorded: 1,
  PledgePaid: 1,
  PledgeCancelled: 1,
  ResourceShared: 1,
  ResourceWithdrawn: 1,
  CoopProfileSet: 1,
  ConsortiumApplicationSubmitted: 2,
  ConsortiumWithdrawalRequested: 1,
  WorkforceRecorded: 1,
  TrainingOffered: 1,
  IncubationHistoryReceived: 1,
} as const satisfies Record<CoopEvent['type'], number>;
