import { IDEMPOTENCY_MIGRATIONS } from '@libs/api-conventions';
import { Projection } from '@libs/projections';
import { CreateBundleSigningKey1765000000000 } from '@libs/portability';
import { ConsortiumDecisions1765600000001 } from '../consortium/1765600000001-consortium-decisions';
import { ConsortiumAllocationRow } from '../consortium/consortium-allocation.entity';
import {
  consortiumAllocationsProjection,
  consortiumStandingProjection,
} from '../consortium/consortium-decisions.projection';
import { ConsortiumStandingRow } from '../consortium/consortium-standing.entity';
import { webhookOutboxProjection, Webhooks1765700000001 } from '@libs/webhooks';
import { ContributionRow } from '../contributions/contribution.entity';
import { contributionsProjection } from '../contributions/contributions.projection';
import { MemberRow } from '../membership/member.entity';
import { membersProjection } from '../membership/members.projection';
import { MemberKeyRow } from '../membership/personal-data/member-key.entity';
import { ResourceRow } from '../resources/resource.entity';
import { resourcesProjection } from '../resources/resources.projection';
import { coopWebhookEvents } from '../webhooks/coop-webhook-events';
import { CoopReadModels1764300000001 } from './1764300000001-coop-read-models';
import { ExactMoneyColumns1764300000010 } from './1764300000010-exact-money-columns';

/** The coop app's own database: its tables, their migrations, and the projections that fill them. */
export const COOP_ENTITIES = [
  MemberRow,
  MemberKeyRow,
  ContributionRow,
  ResourceRow,
  ConsortiumStandingRow,
  ConsortiumAllocationRow,
];

export const COOP_MIGRATIONS = [
  ...IDEMPOTENCY_MIGRATIONS,
  CoopReadModels1764300000001,
  ExactMoneyColumns1764300000010,
  CreateBundleSigningKey1765000000000,
  ConsortiumDecisions1765600000001,
  Webhooks1765700000001,
];

export function coopProjections(coopId: string): Projection[] {
  return [
    membersProjection(coopId),
    contributionsProjection(coopId),
    resourcesProjection(coopId),
    consortiumStandingProjection(coopId),
    consortiumAllocationsProjection(coopId),
    webhookOutboxProjection(coopWebhookEvents(coopId)),
  ];
}
