import type {
  LegalForm,
  MemberCategory,
  Pillar,
  ResourceKind,
  ResourceTermsType,
  Theme,
} from '@libs/contracts';

/** The consortium API's answers as the public API describes them: decimal strings, never floats. */
export type Currency = 'EUR' | 'SOL';
export type Unit = Currency | 'hours';

export interface Money {
  amount: string;
  currency: Currency;
}

/** `pledged`: promised, not yet paid; `paid`: received (for hours: given). */
export interface TotalLine {
  unit: Unit;
  pledged: string;
  paid: string;
}

export interface Indicator {
  rule: string;
  value: string | null;
  threshold: string;
  status: 'ok' | 'alert';
  source: string;
}

export interface PooledMeans {
  asOf: string;
  totals: TotalLine[];
  byPillar: (TotalLine & { pillar: Pillar })[];
  byTheme: (TotalLine & { theme: Theme })[];
  byCoop: (TotalLine & { coopId: string })[];
  byMonth: (TotalLine & { month: string })[];
  byMonthAndPillar: (TotalLine & { month: string; pillar: Pillar })[];
  solShare: string | null;
  nonMonetaryShare: string | null;
  alerts: Indicator[];
}

export type CoopStatus = 'applicant' | 'admitted' | 'withdrawing' | 'withdrawn';

export interface MemberCoop {
  coopId: string;
  status: CoopStatus;
  name: string | null;
  legalForm: LegalForm | null;
  themes: Theme[];
  territory: string | null;
  appliedOn: string | null;
  admittedOn: string | null;
  admissionOverride: { by: string; rule: string; reason: string } | null;
  members: { total: number; byCategory: Record<MemberCategory, number> };
  capital: { subscribed: Money; paid: Money };
  contributions: TotalLine[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface BudgetPeriod {
  periodId: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

export type Vote = 'for' | 'against' | 'abstain';

export interface Allocation {
  allocationId: string;
  title: string;
  theme: Theme | null;
  status: 'proposed' | 'approved' | 'rejected';
  amount: Money;
  /** Paid out on it so far. */
  disbursed: Money;
  votes: Record<Vote, number>;
  /** Who voted what, in the order the votes were cast. */
  ballots: { voter: string; vote: Vote }[];
  /** The member coop whose admin proposed it; null: a board member. */
  proposedBy: { coopId: string } | null;
}

export interface Budget extends BudgetPeriod {
  income: TotalLine[];
  asOf: string;
  cash: { currency: Currency; received: string; disbursed: string; balance: string }[];
  allocations: Allocation[];
  available: Money[];
  /** Budget against actual per theme and currency. */
  byTheme: { theme: Theme | null; currency: Currency; approved: string; disbursed: string }[];
  closing: {
    closedOn: string;
    netResult: Money;
    legalReserve: Money;
    mutualFund: Money;
    form: 'consorzio' | 'scic';
    dividends: Money;
    remainder: { purpose: string; amount: Money; indivisible: boolean }[];
  } | null;
}

export interface Compliance {
  consortium: Indicator[];
  coops: { coopId: string; indicators: Indicator[] }[];
}

export interface CatalogueResource {
  coopId: string;
  coopName: string | null;
  resourceId: string;
  kind: ResourceKind;
  title: string;
  description: string | null;
  themes: Theme[];
  terms: { type: ResourceTermsType; price?: Money; hours?: string };
  sharedOn: string;
}

/** A view's state as `GET /read-models` reports it. */
export interface ReadModelState {
  name: string;
  caughtUp: boolean;
  rebuilding: boolean;
  failing: boolean;
  lag: number;
  /** Events it could not apply and set aside: while above 0 its figures are partial. */
  parkedEvents: number;
}

/** `GET /trainings`: a coop's training, with the places other coops have left. */
export interface Training {
  trainingId: string;
  coopId: string;
  title: string;
  theme: Theme;
  startsAt: string;
  hours: string;
  places: number;
  placesLeft: number;
  price: { amount?: string; currency?: Currency; hours?: string } | null;
  language: string;
  offeredOn: string;
}

/** `GET /time-accounts`: a coop's confirmed hours, in and out. */
export interface TimeAccount {
  coopId: string;
  given: string;
  received: string;
  balance: string;
}

/** `GET /resources/{id}/bookings`. */
export interface Booking {
  bookingId: string;
  resourceId: string;
  ownerCoopId: string;
  bookingCoopId: string;
  from: string;
  to: string;
}

export type IncomeKind =
  'grant' | 'donation' | 'eu_call' | 'public_partnership' | 'sales' | 'other';

export interface FundingApplication {
  applicationId: string;
  funder: string;
  call: string;
  kind: 'grant' | 'eu_call' | 'public_partnership';
  requested: Money;
  deadline: string;
  theme: Theme | null;
  status: 'open' | 'awarded' | 'refused';
  awarded: Money | null;
  decidedOn: string | null;
  reportingDueOn: string | null;
  received: Money;
}

/** One movement of the consortium's money (`GET /ledger`). */
export interface LedgerLine {
  date: string;
  direction: 'in' | 'out';
  kind: string;
  counterpart: string;
  coopId: string | null;
  currency: Currency;
  amount: string;
  reference: string;
  eventId: string;
}

export type ProjectStage = 'idea' | 'study' | 'constitution';

/** A project as `GET /projects` lists it (and `GET /coops/{id}` as its `incubation`). */
export interface ProjectSummary {
  projectId: string;
  name: string;
  themes: string[];
  territory: string;
  stage: ProjectStage;
  stageSince: string;
  daysPerStage: Record<ProjectStage, number>;
  hoursReceived: { total: string; byCoop: Record<string, string> };
  fundsHeld: Record<string, string>;
  graduation: { coopId: string; legalForm: string; graduatedOn: string } | null;
}

/** `GET /projects`: the projects still incubated by stage, and those that became coops. */
export interface Pipeline {
  byStage: Record<ProjectStage, ProjectSummary[]>;
  graduated: ProjectSummary[];
}
