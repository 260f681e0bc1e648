import { IDEMPOTENCY_MIGRATIONS } from '@libs/api-conventions';
import { CreateBundleSigningKey1765000000000 } from '@libs/portability';
import { Projection } from '@libs/projections';
import { webhookOutboxProjection, Webhooks1765700000001 } from '@libs/webhooks';
import { BOOKS_MIGRATIONS, BOOKS_PROJECTIONS } from '../books/books.read-side';
import { AllocationDecisions1765500000021 } from '../budgets/1765500000021-allocation-decisions';
import { allocationIndexProjection, AllocationIndexRow } from '../budgets/allocation-index';
import { ResourceBookings1765418000002 } from '../bookings/1765418000002-resource-bookings';
import { ResourceBookingRow } from '../bookings/resource-booking.entity';
import { resourceBookingsProjection } from '../bookings/resource-bookings.projection';
import { budgetPeriodsProjection, BudgetPeriodRow } from '../budgets/budget-periods';
import { CatalogueResourceRow } from '../catalogue/catalogue-resource.entity';
import { catalogueProjection } from '../catalogue/catalogue.projection';
import { Exchanges1765418000003 } from '../exchanges/1765418000003-exchanges';
import { ExchangeRow } from '../exchanges/exchange.entity';
import { exchangesProjection } from '../exchanges/exchanges.projection';
import { pooledMeansProjection } from '../pooled-means/pooled-means.projection';
import { IncubatedProjects1765500000001 } from '../projects/1765500000001-incubated-projects';
import { IncubatedProjectRow } from '../projects/incubated-project.entity';
import { incubatedProjectsProjection } from '../projects/incubated-projects.projection';
import { ProjectContactKeyRow } from '../projects/project-contact-key.entity';
import { CoopMemberRow } from '../registry/coop-member.entity';
import { coopMembersProjection } from '../registry/coop-members.projection';
import { MemberCoopRow } from '../registry/member-coop.entity';
import { memberCoopsProjection } from '../registry/member-coops.projection';
import { CoopWorkforceRow } from '../registry/coop-workforce.entity';
import { coopWorkforceProjection } from '../registry/coop-workforce.projection';
import { PublishedReports1765500000020 } from '../reports/1765500000020-published-reports';
import { publishedReportsProjection, PublishedReportRow } from '../reports/published-report.entity';
import { OfferedTrainings1765418000001 } from '../trainings/1765418000001-offered-trainings';
import { OfferedTrainingRow } from '../trainings/offered-training.entity';
import { offeredTrainingsProjection } from '../trainings/offered-trainings.projection';
import { consortiumWebhookEvents, deadlineNoticeDays } from '../webhooks/consortium-webhook-events';
import { ConsortiumReadModels1764300000101 } from './1764300000101-consortium-read-models';
import { BudgetPeriods1764300000102 } from './1764300000102-budget-periods';
import { PooledMonthPillar1764300000103 } from './1764300000103-pooled-month-pillar';
import { PooledExactAndAdmitted1764300000104 } from './1764300000104-pooled-exact-and-admitted';
import { RegistryExactCapital1764300000120 } from './1764300000120-registry-exact-capital';
import { CoopWorkforce1764300000140 } from './1764300000140-coop-workforce';

/**
 * The consortium's own database: its tables, their migrations, and the projections that fill them.
 * The pooled-means tables have no entity: only raw SQL reads and writes them.
 */
export const CONSORTIUM_ENTITIES = [
  AllocationIndexRow,
  BudgetPeriodRow,
  MemberCoopRow,
  CoopMemberRow,
  CatalogueResourceRow,
  CoopWorkforceRow,
  OfferedTrainingRow,
  ResourceBookingRow,
  ExchangeRow,
  IncubatedProjectRow,
  ProjectContactKeyRow,
  PublishedReportRow,
];

export const CONSORTIUM_MIGRATIONS = [
  ...IDEMPOTENCY_MIGRATIONS,
  ConsortiumReadModels1764300000101,
  BudgetPeriods1764300000102,
  PooledMonthPillar1764300000103,
  PooledExactAndAdmitted1764300000104,
  RegistryExactCapital1764300000120,
  CoopWorkforce1764300000140,
  CreateBundleSigningKey1765000000000,
  OfferedTrainings1765418000001,
  ResourceBookings1765418000002,
  Exchanges1765418000003,
  ...BOOKS_MIGRATIONS,
  IncubatedProjects1765500000001,
  PublishedReports1765500000020,
  AllocationDecisions1765500000021,
  Webhooks1765700000001,
];

export const CONSORTIUM_PROJECTIONS: Projection[] = [
  allocationIndexProjection,
  budgetPeriodsProjection,
  memberCoopsProjection,
  coopMembersProjection,
  pooledMeansProjection,
  catalogueProjection,
  coopWorkforceProjection,
  offeredTrainingsProjection,
  resourceBookingsProjection,
  exchangesProjection,
  ...BOOKS_PROJECTIONS,
  incubatedProjectsProjection,
  publishedReportsProjection,
  webhookOutboxProjection(consortiumWebhookEvents(deadlineNoticeDays())),
];
