import { BudgetEvent } from './budget-events';
import { BooksEvent } from './books-events';
import { ProjectEvent } from './incubation-events';
import { PoolingEvent } from './pooling-events';
import { RegistryEvent } from './registry-events';
import { ReportEvent } from './report-events';

export type ConsortiumEvent =
  RegistryEvent | BudgetEvent | PoolingEvent | BooksEvent | ProjectEvent | ReportEvent;

export const CONSORTIUM_SCHEMA_VERSIONS = {
  CoopAdmitted: 2,
  CoopWithdrawalSettled: 1,
  BudgetOpened: 1,
  AllocationProposed: 1,
  VoteCast: 1,
  AllocationDecided: 1,
  BudgetClosed: 1,
  ParticipantsEnrolled: 1,
  ResourceBooked: 1,
  BookingCancelled: 1,
  HoursGiven: 1,
  HoursConfirmed: 1,
  FundingApplied: 1,
  FundingDecided: 1,
  FundingReceived: 1,
  IncomeReceived: 1,
  AllocationDisbursed: 1,
  ProjectOpened: 1,
  ProjectStageChanged: 1,
  ProjectSupported: 1,
  ProjectFundsMoved: 1,
  ProjectContactErased: 1,
  ProjectGraduated: 1,
  EditorialWritten: 1,
  ReportPublished: 1,
} as const satisfies Record<ConsortiumEvent['type'], number>;
