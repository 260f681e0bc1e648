// Events of the federation as the apps append them, built for the consortium's read-side tests:
// a coop's own events on its streams, the board's on the registry stream. Each builder names what
// it is about and takes only what a test varies.
import { randomUUID } from 'node:crypto';
import {
  BUDGET_AGGREGATE,
  CONTRIBUTION_AGGREGATE,
  ContributionKind,
  consortiumStream,
  coopStream,
  LegalForm,
  MEMBER_AGGREGATE,
  MemberCategory,
  pillarOf,
  PROFILE_AGGREGATE,
  REGISTRY_AGGREGATE,
  REGISTRY_ID,
  RESOURCE_AGGREGATE,
  ResourceKind,
  ResourceTerms,
  Theme,
  Unit,
  Vote,
  WORKFORCE_AGGREGATE,
} from '@libs/contracts';
import { ANY, EventStore, NewEvent, PostgresEventStore, RecordedEvent } from '@libs/event-store';
import { DATABASE_URL, TestSchemas } from '../support/apps';

/** An event and the stream it goes to. */
export interface StreamEvent {
  streamId: string;
  event: NewEvent;
}

export function on(
  streamId: string,
  coopId: string | null,
  type: string,
  data: unknown,
  occurredAt?: Date,
): StreamEvent {
  return {
    streamId,
    event: {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data,
      metadata: { coopId, actor: 'test', correlationId: randomUUID(), causationId: randomUUID() },
      ...(occurredAt ? { occurredAt } : {}),
    },
  };
}

/** A coop's own events, on its own streams. */
export function coopEvents(coopId: string) {
  const profile = coopStream(coopId, PROFILE_AGGREGATE, coopId);
  const member = (memberId: string) => coopStream(coopId, MEMBER_AGGREGATE, memberId);
  const contribution = (id: string) => coopStream(coopId, CONTRIBUTION_AGGREGATE, id);
  const resource = (id: string) => coopStream(coopId, RESOURCE_AGGREGATE, id);
  const eur = (hundredths: number) => ({ unit: 'EUR', hundredths });
  return {
    profileSet: (legalForm: LegalForm, themes: Theme[] = ['mobility'], name = coopId) =>
      on(profile, coopId, 'CoopProfileSet', {
        coopId,
        name,
        legalForm,
        themes,
        territory: 'Bologna',
      }),
    applied: (submittedOn = '2027-01-10') =>
      on(profile, coopId, 'ConsortiumApplicationSubmitted', { coopId, submittedOn }),
    withdrawalRequested: (requestedOn = '2027-06-01') =>
      on(profile, coopId, 'ConsortiumWithdrawalRequested', { coopId, requestedOn, reason: null }),
    workforceRecorded: (month: string, workers: number, disadvantaged: number) =>
      on(coopStream(coopId, WORKFORCE_AGGREGATE, coopId), coopId, 'WorkforceRecorded', {
        month,
        workers,
        disadvantaged,
      }),

    memberAdmitted: (
      memberId: string,
      category: MemberCategory,
      options: { disadvantaged?: boolean; shares?: number; nominal?: number } = {},
    ) =>
      on(member(memberId), coopId, 'MemberAdmitted', {
        memberId,
        category,
        disadvantaged: options.disadvantaged ?? false,
        admittedOn: '2027-01-15',
        shares: { count: options.shares ?? 1, nominalValue: eur(options.nominal ?? 5000) },
        personalData: null,
      }),
    sharesSubscribed: (memberId: string, count: number, nominal = 5000) =>
      on(member(memberId), coopId, 'SharesSubscribed', {
        memberId,
        subscribedOn: '2027-02-01',
        shares: { count, nominalValue: eur(nominal) },
      }),
    capitalPaid: (memberId: string, hundredths: number) =>
      on(member(memberId), coopId, 'CapitalPaid', {
        memberId,
        paidOn: '2027-02-01',
        amount: eur(hundredths),
      }),
    categoryChanged: (memberId: string, category: MemberCategory, disadvantaged = false) =>
      on(member(memberId), coopId, 'MemberCategoryChanged', {
        memberId,
        changedOn: '2027-03-01',
        category,
        disadvantaged,
      }),
    memberWithdrew: (memberId: string) =>
      on(member(memberId), coopId, 'MemberWithdrew', {
        memberId,
        requestedOn: '2027-03-01',
        effectiveOn: '2027-12-31',
        reason: null,
        reimbursement: { amount: eur(0), dueOn: '2028-10-27' },
      }),

    contributionRecorded: (
      contributionId: string,
      quantity: { unit: Unit; hundredths: number },
      options: {
        kind?: ContributionKind;
        period?: string;
        theme?: Theme;
        status?: 'pledged' | 'paid';
        occurredAt?: Date;
      } = {},
    ) => {
      const kind = options.kind ?? (quantity.unit === 'hours' ? 'volunteering' : 'dues');
      return on(
        contribution(contributionId),
        coopId,
        'ContributionRecorded',
        {
          contributionId,
          kind,
          pillar: pillarOf(kind),
          quantity,
          period: options.period ?? '2027-03',
          theme: options.theme ?? 'mobility',
          source: null,
          status: options.status ?? 'paid',
          recordedOn: '2027-03-01',
        },
        options.occurredAt,
      );
    },
    pledgePaid: (contributionId: string, occurredAt?: Date) =>
      on(
        contribution(contributionId),
        coopId,
        'PledgePaid',
        { contributionId, paidOn: '2027-04-01' },
        occurredAt,
      ),
    pledgeCancelled: (contributionId: string, occurredAt?: Date) =>
      on(
        contribution(contributionId),
        coopId,
        'PledgeCancelled',
        { contributionId, cancelledOn: '2027-04-01', reason: 'coop left' },
        occurredAt,
      ),

    resourceShared: (
      resourceId: string,
      kind: ResourceKind,
      themes: Theme[],
      terms: ResourceTerms = { type: 'free' },
    ) =>
      on(resource(resourceId), coopId, 'ResourceShared', {
        resourceId,
        kind,
        title: `${kind} of ${coopId}`,
        description: null,
        themes,
        terms,
        sharedOn: '2027-02-01',
      }),
    resourceWithdrawn: (resourceId: string) =>
      on(resource(resourceId), coopId, 'ResourceWithdrawn', {
        resourceId,
        withdrawnOn: '2027-05-01',
      }),
  };
}

const REGISTRY = consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID);

/** The board's decisions, on the registry stream. */
export const registryEvents = {
  coopAdmitted: (
    coopId: string,
    legalForm: LegalForm,
    override: { rule: string; reason: string; by: string } | null = null,
  ) =>
    on(REGISTRY, coopId, 'CoopAdmitted', {
      coopId,
      legalForm,
      admittedOn: '2027-02-01',
      override,
    }),
  withdrawalSettled: (coopId: string) =>
    on(REGISTRY, coopId, 'CoopWithdrawalSettled', {
      coopId,
      settledOn: '2027-07-01',
      capitalOwed: { unit: 'EUR', hundredths: 0 },
      dueOn: '2028-10-27',
      cancelledPledges: [],
      withdrawnResources: [],
      openAllocations: [],
    }),
};

/** The board's budget of a period, on its own stream. */
export function budgetEvents(periodId: string) {
  const budget = consortiumStream(BUDGET_AGGREGATE, periodId);
  return {
    opened: () =>
      on(budget, null, 'BudgetOpened', {
        periodId,
        startsOn: `${periodId}-01-01`,
        endsOn: `${periodId}-12-31`,
        openedBy: 'board-1',
      }),
    allocationProposed: (
      allocationId: string,
      hundredths: number,
      beneficiaryCoopId: string | null = null,
    ) =>
      on(budget, null, 'AllocationProposed', {
        periodId,
        allocationId,
        title: `Allocation ${allocationId.slice(0, 8)}`,
        purpose: 'shared services',
        theme: null,
        beneficiaryCoopId,
        amount: { unit: 'EUR', hundredths },
        proposedBy: 'board-1',
      }),
    voteCast: (allocationId: string, voter: string, vote: Vote) =>
      on(budget, null, 'VoteCast', { periodId, allocationId, voter, vote }),
  };
}

let position = 0;

/** As a reader gets it back from the store (pure tests need no store). */
export function recorded({ streamId, event }: StreamEvent): RecordedEvent {
  position++;
  return {
    ...event,
    occurredAt: event.occurredAt ?? new Date('2027-03-01T10:00:00Z'),
    streamId,
    streamVersion: 1,
    globalPosition: position,
    checkpoint: String(position),
  };
}

/** Appends each event to its stream, in order. */
export async function appendAll(store: EventStore, events: StreamEvent[]): Promise<void> {
  for (const { streamId, event } of events) await store.appendToStream(streamId, [event], ANY);
}

/** Appends the events straight into the store of a test's apps, as an older history holds them. */
export async function appendToStore(schemas: TestSchemas, events: StreamEvent[]): Promise<void> {
  const store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    schema: schemas.eventStore,
    poolSize: 1,
  });
  try {
    await appendAll(store, events);
  } finally {
    await store.close();
  }
}
