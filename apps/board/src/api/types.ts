import type { components } from './consortium-api';

/**
 * The consortium API's answers, as its OpenAPI document describes them (`consortium-api.ts`, generated
 * by `npm run openapi:board-types`): decimal strings, never floats. Named here as the page speaks.
 */
type Schemas = components['schemas'];

export type Money = Schemas['MoneySumSchema'];
export type Currency = Money['currency'];
/** `pledged`: promised, not yet paid; `paid`: received (for hours: given). */
export type TotalLine = Schemas['TotalLineSchema'];
export type Unit = TotalLine['unit'];
export type Indicator = Schemas['IndicatorResponse'];
export type PooledMeans = Schemas['PooledMeansResponse'];
export type MemberCoop = Schemas['MemberCoopResponse'];
export type CoopStatus = MemberCoop['status'];

/** Every paged list (`PageOf` on the server). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type BudgetPeriod = Schemas['BudgetPeriodItem'];
export type Allocation = Schemas['AllocationSchema'];
export type Vote = Schemas['VoteDto']['vote'];
export type Budget = Schemas['BudgetResponse'];
export type Compliance = Schemas['ComplianceResponse'];
export type CatalogueResource = Schemas['CatalogueItemResponse'];
/** A view's state as `GET /read-models` reports it. */
export type ReadModelState = Schemas['ReadModelState'];
/** `GET /trainings`: a coop's training, with the places other coops have left. */
export type Training = Schemas['TrainingResponse'];
/** `GET /time-accounts`: a coop's confirmed hours, in and out. */
export type TimeAccount = Schemas['TimeAccountResponse'];
/** `GET /resources/{id}/bookings`. */
export type Booking = Schemas['BookingResponse'];
export type IncomeKind = Schemas['RecordIncomeDto']['kind'];
export type FundingApplication = Schemas['FundingApplicationItem'];
/** One movement of the consortium's money (`GET /ledger`). */
export type LedgerLine = Schemas['LedgerLineItem'];
export type ProjectSummary = Schemas['ProjectSummaryResponse'];
export type ProjectStage = ProjectSummary['stage'];
/** `GET /projects`: the projects still incubated by stage, and those that became coops. */
export type Pipeline = Schemas['PipelineResponse'];
