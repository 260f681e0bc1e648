import { ConsortiumEvent } from './consortium';
import { BUDGET_AGGREGATE } from './consortium/budget-events';
import {
  EXCHANGE_AGGREGATE,
  EXCHANGE_KINDS,
  RESOURCE_BOOKINGS_AGGREGATE,
  TRAINING_ENROLMENTS_AGGREGATE,
} from './consortium/pooling-events';
import {
  DISBURSEMENTS_AGGREGATE,
  FUNDING_APPLICATION_AGGREGATE,
  FUNDING_KINDS,
  INCOME_AGGREGATE,
  INCOME_KINDS,
} from './consortium/books-events';
import { PROJECT_AGGREGATE, PROJECT_STAGES, SUPPORT_KINDS } from './consortium/incubation-events';
import { REGISTRY_AGGREGATE, REGISTRY_ID } from './consortium/registry-events';
import {
  EDITORIAL_MAX_LENGTH,
  REPORT_AGGREGATE,
  REPORT_LANGUAGES,
} from './consortium/report-events';
import {
  CONTRIBUTION_AGGREGATE,
  CONTRIBUTION_KINDS,
  CoopEvent,
  INCUBATION_AGGREGATE,
  LEGAL_FORMS,
  MEMBER_AGGREGATE,
  MEMBER_CATEGORIES,
  PILLARS,
  PROFILE_AGGREGATE,
  RESOURCE_AGGREGATE,
  RESOURCE_KINDS,
  SHARE_FORMS,
  THEMES,
  WORKFORCE_AGGREGATE,
  TRAINING_AGGREGATE,
} from './coop';
import {
  base64,
  bool,
  coopId,
  day,
  instant,
  list,
  money,
  month,
  nullable,
  object,
  oneOf,
  quantity,
  Shape,
  sha256Hex,
  signedMoney,
  slug,
  text,
  uuid,
  variants,
  whole,
} from './payload-schema';
import { CONSORTIUM_STREAM_PREFIX, coopOfStream } from './stream-names';

/**
 * What an event of each type must be, in one table: the side that writes it (a coop, in its own
 * streams; the consortium, in its own), the aggregate whose stream holds it, the payload member
 * that names that stream's id, and the payload's shape for every schema version still found in
 * stores. Whatever comes from outside an app (a bundle) is checked against it before anything is
 * written; a type, version or shape not in it is something no app of the federation wrote.
 */
export interface EventContract {
  side: 'coop' | 'consortium';
  aggregate: string;
  /** The payload member equal to the stream's id; a string: that id for every event. */
  /** The payload field naming the stream's id, a fixed id, or the coop's own id (one per coop). */
  streamId: string | { fixed: string } | { ownCoop: true };
  versions: Record<number, Shape>;
}

const actor = text(200);
const theme = oneOf(THEMES);
const projectStage = oneOf(PROJECT_STAGES);
const shares = object({ count: whole(1), nominalValue: money });
const sealedPersonalData = object({ keyId: uuid, iv: base64, ciphertext: base64, tag: base64 });
const memberExitOf = (reason: Shape) =>
  object({
    memberId: uuid,
    requestedOn: day,
    effectiveOn: day,
    reason,
    reimbursement: object({ amount: money, dueOn: day }),
  });
/** Version 1 wrote the reason in clear; version 2 seals it with the member's key. */
const memberExit = {
  1: memberExitOf(nullable(text())),
  2: memberExitOf(nullable(sealedPersonalData)),
};
/** A coop's bundle-signing public key: Ed25519, SubjectPublicKeyInfo DER in base64. */
const bundleKey = nullable(base64);
const coop = (
  aggregate: string,
  streamId: EventContract['streamId'],
  versions: Record<number, Shape>,
) => ({ side: 'coop', aggregate, streamId, versions }) as const;
const consortium = (
  aggregate: string,
  streamId: EventContract['streamId'],
  versions: Record<number, Shape>,
) => ({ side: 'consortium', aggregate, streamId, versions }) as const;

/** Hours in hundredths, within the amount bound. */
const hours = whole(1, 99_999_999_999);
const exchange = {
  exchangeId: uuid,
  fromCoopId: coopId,
  toCoopId: coopId,
  hours,
  kind: oneOf(EXCHANGE_KINDS),
  theme,
  on: day,
};

/** A project's history, as the consortium's events list it. */
const supportGiven = {
  supportId: uuid,
  kind: oneOf(SUPPORT_KINDS),
  hours: nullable(hours),
  amount: nullable(money),
  byCoopId: nullable(coopId),
  on: day,
};
const fundsMovement = {
  movementId: uuid,
  direction: oneOf(['in', 'out']),
  amount: money,
  on: day,
  counterpart: text(200),
};

const application = { coopId, submittedOn: day };
const admission = {
  coopId,
  legalForm: oneOf(LEGAL_FORMS),
  admittedOn: day,
  override: nullable(object({ rule: text(200), reason: text(), by: actor })),
};

/** Money the consortium received (an application's or not). */
const income = {
  incomeId: uuid,
  kind: oneOf(INCOME_KINDS),
  amount: money,
  receivedOn: day,
  funder: text(200),
  recordedBy: actor,
};

export const EVENT_CONTRACTS = {
  MemberAdmitted: coop(MEMBER_AGGREGATE, 'memberId', {
    1: object({
      memberId: uuid,
      category: oneOf(MEMBER_CATEGORIES),
      disadvantaged: bool,
      admittedOn: day,
      shares,
      personalData: nullable(sealedPersonalData),
    }),
  }),
  SharesSubscribed: coop(MEMBER_AGGREGATE, 'memberId', {
    1: object({ memberId: uuid, subscribedOn: day, shares }),
  }),
  CapitalPaid: coop(MEMBER_AGGREGATE, 'memberId', {
    1: object({ memberId: uuid, paidOn: day, amount: money }),
  }),
  MemberCategoryChanged: coop(MEMBER_AGGREGATE, 'memberId', {
    1: object({
      memberId: uuid,
      changedOn: day,
      category: oneOf(MEMBER_CATEGORIES),
      disadvantaged: bool,
    }),
  }),
  MemberWithdrew: coop(MEMBER_AGGREGATE, 'memberId', memberExit),
  MemberExcluded: coop(MEMBER_AGGREGATE, 'memberId', memberExit),
  PersonalDataErased: coop(MEMBER_AGGREGATE, 'memberId', {
    1: object({ memberId: uuid, erasedOn: day }),
  }),
  ContributionRecorded: coop(CONTRIBUTION_AGGREGATE, 'contributionId', {
    1: object({
      contributionId: uuid,
      kind: oneOf(Object.keys(CONTRIBUTION_KINDS)),
      pillar: oneOf(PILLARS),
      quantity,
      period: month,
      theme,
      source: nullable(text()),
      status: oneOf(['pledged', 'paid']),
      recordedOn: day,
    }),
  }),
  PledgePaid: coop(CONTRIBUTION_AGGREGATE, 'contributionId', {
    1: object({ contributionId: uuid, paidOn: day }),
  }),
  PledgeCancelled: coop(CONTRIBUTION_AGGREGATE, 'contributionId', {
    1: object({ contributionId: uuid, cancelledOn: day, reason: text() }),
  }),
  ResourceShared: coop(RESOURCE_AGGREGATE, 'resourceId', {
    1: object({
      resourceId: uuid,
      kind: oneOf(RESOURCE_KINDS),
      title: text(200),
      description: nullable(text()),
      themes: list(theme, THEMES.length),
      terms: variants('type', {
        free: object({ type: text() }),
        at_cost: object({ type: text(), price: money }),
        sol: object({ type: text(), price: money }),
        hours: object({ type: text(), hours: whole(0, 99_999_999_999) }),
      }),
      sharedOn: day,
    }),
  }),
  ResourceWithdrawn: coop(RESOURCE_AGGREGATE, 'resourceId', {
    1: object({ resourceId: uuid, withdrawnOn: day }),
  }),
  TrainingOffered: coop(TRAINING_AGGREGATE, 'trainingId', {
    1: object({
      trainingId: uuid,
      title: text(200),
      theme,
      startsAt: instant,
      hours,
      places: whole(1, 10_000),
      price: variants('type', {
        free: object({ type: text() }),
        money: object({ type: text(), amount: money }),
        hours: object({ type: text(), hours }),
      }),
      language: text(35),
      offeredOn: day,
    }),
  }),
  CoopProfileSet: coop(PROFILE_AGGREGATE, 'coopId', {
    1: object(
      {
        coopId,
        name: text(200),
        legalForm: oneOf(LEGAL_FORMS),
        themes: list(theme, THEMES.length),
        territory: text(500),
      },
      { shareForm: oneOf(SHARE_FORMS), statutesRaiseHoldingCap: bool },
    ),
  }),
  WorkforceRecorded: coop(
    WORKFORCE_AGGREGATE,
    { ownCoop: true },
    {
      1: object({ month, workers: whole(), disadvantaged: whole() }),
    },
  ),
  IncubationHistoryReceived: coop(
    INCUBATION_AGGREGATE,
    { ownCoop: true },
    {
      1: object({
        coopId,
        projectId: uuid,
        receivedOn: day,
        bundle: object({ sealHash: sha256Hex, signedBy: sha256Hex }),
        name: text(200),
        themes: list(theme),
        territory: text(200),
        stages: list(object({ stage: projectStage, from: day, to: day })),
        support: list(object(supportGiven), 100_000),
        funds: list(object(fundsMovement), 100_000),
        graduation: object({ legalForm: oneOf(LEGAL_FORMS), graduatedOn: day }),
      }),
    },
  ),
  ConsortiumApplicationSubmitted: coop(PROFILE_AGGREGATE, 'coopId', {
    1: object(application),
    2: object({ ...application, bundleKey }),
  }),
  ConsortiumWithdrawalRequested: coop(PROFILE_AGGREGATE, 'coopId', {
    1: object({ coopId, requestedOn: day, reason: nullable(text()) }),
  }),
  CoopAdmitted: consortium(
    REGISTRY_AGGREGATE,
    { fixed: REGISTRY_ID },
    {
      1: object(admission),
      2: object({ ...admission, bundleKey }),
    },
  ),
  CoopWithdrawalSettled: consortium(
    REGISTRY_AGGREGATE,
    { fixed: REGISTRY_ID },
    {
      1: object(
        {
          coopId,
          settledOn: day,
          capitalOwed: money,
          dueOn: day,
          cancelledPledges: list(uuid, 100_000),
          withdrawnResources: list(uuid, 100_000),
          openAllocations: list(uuid, 100_000),
        },
        { exitYear: whole(1900, 9999), lossDeducted: money },
      ),
    },
  ),
  BudgetOpened: consortium(BUDGET_AGGREGATE, 'periodId', {
    1: object({ periodId: slug, startsOn: day, endsOn: day, openedBy: actor }),
  }),
  AllocationProposed: consortium(BUDGET_AGGREGATE, 'periodId', {
    1: object(
      {
        periodId: slug,
        allocationId: uuid,
        title: text(200),
        purpose: text(),
        theme: nullable(theme),
        beneficiaryCoopId: nullable(coopId),
        amount: money,
        proposedBy: actor,
      },
      { proposedByCoopId: coopId },
    ),
  }),
  VoteCast: consortium(BUDGET_AGGREGATE, 'periodId', {
    1: object({
      periodId: slug,
      allocationId: uuid,
      voter: actor,
      vote: oneOf(['for', 'against', 'abstain']),
    }),
  }),
  AllocationDecided: consortium(BUDGET_AGGREGATE, 'periodId', {
    1: object({
      periodId: slug,
      allocationId: uuid,
      outcome: oneOf(['approved', 'rejected']),
      tally: object({ for: whole(), against: whole(), abstain: whole() }),
      boardSize: whole(),
    }),
  }),
  BudgetClosed: consortium(BUDGET_AGGREGATE, 'periodId', {
    1: object(
      {
        periodId: slug,
        closedOn: day,
        netResult: signedMoney,
        legalReserve: money,
        mutualFund: money,
        remainder: list(object({ purpose: text(), amount: money }, { indivisible: bool })),
      },
      { dividends: money, form: oneOf(['consorzio', 'scic']) },
    ),
  }),
  ParticipantsEnrolled: consortium(TRAINING_ENROLMENTS_AGGREGATE, 'trainingId', {
    1: object({
      trainingId: uuid,
      enrolmentId: uuid,
      providerCoopId: coopId,
      enrollingCoopId: coopId,
      participants: whole(1, 10_000),
      hours,
      theme,
      month,
      enrolledOn: day,
    }),
  }),
  ResourceBooked: consortium(RESOURCE_BOOKINGS_AGGREGATE, 'resourceId', {
    1: object({
      resourceId: uuid,
      bookingId: uuid,
      ownerCoopId: coopId,
      bookingCoopId: coopId,
      from: instant,
      to: instant,
    }),
  }),
  BookingCancelled: consortium(RESOURCE_BOOKINGS_AGGREGATE, 'resourceId', {
    1: object({ resourceId: uuid, bookingId: uuid, cancelledOn: day }),
  }),
  HoursGiven: consortium(EXCHANGE_AGGREGATE, 'exchangeId', {
    1: object({ ...exchange, note: nullable(text()) }),
  }),
  HoursConfirmed: consortium(EXCHANGE_AGGREGATE, 'exchangeId', {
    1: object({ ...exchange, confirmedOn: day }),
  }),
  FundingApplied: consortium(FUNDING_APPLICATION_AGGREGATE, 'applicationId', {
    1: object({
      applicationId: uuid,
      funder: text(200),
      call: text(200),
      kind: oneOf(FUNDING_KINDS),
      requested: money,
      deadline: day,
      theme: nullable(theme),
      appliedBy: actor,
    }),
  }),
  FundingDecided: consortium(FUNDING_APPLICATION_AGGREGATE, 'applicationId', {
    1: object({
      applicationId: uuid,
      outcome: oneOf(['awarded', 'refused']),
      decidedOn: day,
      awarded: nullable(money),
      reportingDueOn: nullable(day),
      decidedBy: actor,
    }),
  }),
  FundingReceived: consortium(FUNDING_APPLICATION_AGGREGATE, 'applicationId', {
    1: object({ applicationId: uuid, ...income }),
  }),
  IncomeReceived: consortium(INCOME_AGGREGATE, 'incomeId', { 1: object(income) }),
  AllocationDisbursed: consortium(DISBURSEMENTS_AGGREGATE, 'periodId', {
    1: object({
      periodId: slug,
      disbursementId: uuid,
      allocationId: uuid,
      theme: nullable(theme),
      amount: money,
      paidOn: day,
      payeeCoopId: nullable(coopId),
      payeeName: nullable(text(200)),
      reference: text(200),
      paidBy: actor,
    }),
  }),
  ProjectOpened: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({
      projectId: uuid,
      name: text(200),
      themes: list(theme),
      territory: text(200),
      stage: projectStage,
      openedOn: day,
      contact: nullable(sealedPersonalData),
    }),
  }),
  ProjectStageChanged: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({ projectId: uuid, from: projectStage, stage: projectStage, on: day }),
  }),
  ProjectSupported: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({ projectId: uuid, ...supportGiven, theme }),
  }),
  ProjectFundsMoved: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({ projectId: uuid, ...fundsMovement }),
  }),
  ProjectContactErased: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({ projectId: uuid, erasedOn: day }),
  }),
  ProjectGraduated: consortium(PROJECT_AGGREGATE, 'projectId', {
    1: object({
      projectId: uuid,
      coopId,
      legalForm: oneOf(LEGAL_FORMS),
      graduatedOn: day,
      name: text(200),
      themes: list(theme),
      territory: text(200),
    }),
  }),
  EditorialWritten: consortium(REPORT_AGGREGATE, 'quarter', {
    1: object({
      quarter: text(7),
      language: oneOf(REPORT_LANGUAGES),
      text: text(EDITORIAL_MAX_LENGTH),
      writtenBy: actor,
    }),
  }),
  ReportPublished: consortium(REPORT_AGGREGATE, 'quarter', {
    1: object({ quarter: text(7), publishedOn: day, publishedBy: actor }),
  }),
} as const satisfies Record<(CoopEvent | ConsortiumEvent)['type'], EventContract>;

export type ContractedEventType = keyof typeof EVENT_CONTRACTS;

/** An event as it travels (a bundle's line): enough to check it against its contract. */
export interface EventToCheck {
  type: string;
  schemaVersion: number;
  streamId: string;
  data: unknown;
}

/**
 * What is wrong with an event that claims to belong to coop `ownCoopId`'s history, or null: its
 * type and schema version are known, its payload has its type's shape, its stream is the one its
 * contract names (a coop event in that coop's own streams; a consortium event in the consortium's),
 * and a payload that names a coop names this one.
 */
export function eventContractProblem(event: EventToCheck, ownCoopId: string): string | null {
  const contract = Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, event.type)
    ? (EVENT_CONTRACTS[event.type as ContractedEventType] as EventContract)
    : undefined;
  if (!contract) return `unknown event type ${JSON.stringify(event.type).slice(0, 60)}`;
  const shape = contract.versions[event.schemaVersion];
  if (!shape) {
    return (
      `${event.type} has no schema version ${event.schemaVersion} ` +
      `(known: ${Object.keys(contract.versions).join(', ')})`
    );
  }
  const problem = shape(event.data, 'data');
  if (problem) return `${event.type}: ${problem}`;
  const data = event.data as Record<string, unknown>;
  if ('coopId' in data && data.coopId !== ownCoopId) {
    return `${event.type} is about coop ${String(data.coopId)}, not ${ownCoopId}`;
  }
  const id =
    typeof contract.streamId === 'string'
      ? data[contract.streamId]
      : 'fixed' in contract.streamId
        ? contract.streamId.fixed
        : ownCoopId;
  const expected =
    contract.side === 'coop'
      ? `coop/${ownCoopId}/${contract.aggregate}/${String(id)}`
      : `${CONSORTIUM_STREAM_PREFIX}${contract.aggregate}/${String(id)}`;
  if (event.streamId !== expected) {
    const owner = coopOfStream(event.streamId);
    return owner !== null && owner !== ownCoopId
      ? `stream ${event.streamId} belongs to coop ${owner}, not to ${ownCoopId}`
      : `${event.type} belongs in stream ${expected}, not ${event.streamId}`;
  }
  return null;
}
