import {
  consortiumStream,
  CONTRIBUTION_AGGREGATE,
  ContributionEvent,
  CoopAdmitted,
  CoopWithdrawalSettled,
  REGISTRY_AGGREGATE,
  REGISTRY_ID,
  ContributionKind,
  coopOfStream,
  coopStream,
  Pillar,
  Theme,
  Unit,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import { HOURS_GIVEN_EVENT_TYPES, hoursGivenAsContribution, isHoursGiven } from './hours-given';

/**
 * The keys the board reads pooled means by (the public API), one at a time. `monthPillar` is a month and
 * a pillar together (`monthPillarKey`): money per month broken down by pillar cannot be summed
 * from the month lines and the pillar lines apart.
 */
export const POOLED_DIMENSIONS = [
  'pillar',
  'kind',
  'theme',
  'coopId',
  'month',
  'monthPillar',
] as const;
export type PooledDimension = (typeof POOLED_DIMENSIONS)[number];

/** A contribution's place on each dimension, and its unit. */
export interface PooledDimensions {
  coopId: string;
  unit: Unit;
  pillar: Pillar;
  kind: ContributionKind;
  theme: Theme;
  /** The month it counts for, `YYYY-MM`. */
  month: string;
}

/**
 * The `monthPillar` key, `2027-03/market`. Months are fixed-width (`YYYY-MM`), so the keys sort by
 * month, then pillar.
 */
export function monthPillarKey(month: string, pillar: Pillar): string {
  return `${month}/${pillar}`;
}

export function monthAndPillarOf(key: string): { month: string; pillar: Pillar } {
  const [month, pillar] = key.split('/');
  return { month, pillar: pillar as Pillar };
}

/**
 * Where a coop stands for the pooled means, in the log's order: a `member` from the board's
 * admission (`CoopAdmitted`) until its withdrawal is settled (`CoopWithdrawalSettled`), then
 * `withdrawn` for good (as the registry has it). A coop with no standing was never admitted.
 */
export type CoopStanding = 'member' | 'withdrawn';

/**
 * Why a coop's movement is kept aside instead of counted: it was not (yet) admitted, or it has
 * left. Such money is shown apart (`notCounted`), never added to the pooled means nor a budget.
 */
export type NotCountedReason = 'not_admitted' | 'withdrawn';

export function notCountedReason(standing: CoopStanding | undefined): NotCountedReason | null {
  return standing === 'member' ? null : standing === 'withdrawn' ? 'withdrawn' : 'not_admitted';
}

/** A pledge not yet paid nor cancelled: what the ledger must know to book its outcome later. */
export interface OpenPledge extends PooledDimensions {
  contributionId: string;
  hundredths: bigint;
  /** Where its pledged amount was booked: counted (null), or kept aside for this reason. */
  notCounted: NotCountedReason | null;
}

/**
 * A line of the pooled-means ledger: what changed, on one UTC day, in what is promised (`pledged`,
 * outstanding) and received (`paid`), in hundredths of `unit`, for one key of one dimension (the
 * coop `velo-solidaire`, the month `2027-03`…). Every change is booked once on each dimension, so
 * each dimension's lines add up to the same totals. Lines are only ever added: the state at the
 * end of any day is the sum of the lines up to it.
 */
export interface PooledMovement {
  recordedOn: string;
  unit: Unit;
  dimension: PooledDimension;
  key: string;
  /** Sums of a batch: BigInt, exact whatever the number and size of the amounts. */
  pledged: bigint;
  paid: bigint;
}

/**
 * A line of the money kept aside: what changed on one UTC day for one coop not counted, for one
 * reason, in hundredths of `unit`. Only the coop is kept: it is never broken down further.
 */
export interface NotCountedMovement {
  recordedOn: string;
  unit: Unit;
  coopId: string;
  reason: NotCountedReason;
  pledged: bigint;
  paid: bigint;
}

export const POOLED_EVENT_TYPES = [
  'ContributionRecorded',
  'PledgePaid',
  'PledgeCancelled',
  // Only members count: the board's admission makes a coop one.
  'CoopAdmitted',
  // A leaving coop's settlement cancels its open pledges (the consortium never writes coop
  // streams), and ends its membership.
  'CoopWithdrawalSettled',
  // Hours coops give: trainings, confirmed exchanges, support to projects (`hours-given.ts`).
  ...HOURS_GIVEN_EVENT_TYPES,
] as const;

const REGISTRY_STREAM = consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID);

/** Contributions are keyed by coop and id: a coop choosing another coop's id touches only its own. */
export type ContributionKey = string;

export function contributionKey(coopId: string, contributionId: string): ContributionKey {
  return `${coopId}/${contributionId}`;
}

/** A contribution event on its contribution's own stream, with the UTC day it was recorded on. */
export interface ContributionFact {
  key: ContributionKey;
  coopId: string;
  contributionId: string;
  event: ContributionEvent;
  /** The UTC day of the event's `occurredAt`: the day the board could first have seen it. */
  day: string;
}

/** The board's decision on a coop, from the registry stream: where the coop stands from now on. */
export interface StandingFact {
  coopId: string;
  standing: CoopStanding;
}

/** The batch's facts, in the log's order: membership is decided by what came before. */
export type PooledFact = ContributionFact | StandingFact;

function isStanding(fact: PooledFact): fact is StandingFact {
  return 'standing' in fact;
}

const DAY_MS = 86_400_000;

/**
 * The batch's contribution events, each located on its stream, and the board's admissions and
 * settlements; an event off its stream (a contribution off its contribution's stream, a registry
 * event off the registry) is left out. Runs once per batch (a rebuild goes through every event of
 * the history).
 */
export function contributionFacts(events: RecordedEvent[]): PooledFact[] {
  const days = new Map<number, string>();
  const facts: PooledFact[] = [];
  const dayOf = (recorded: RecordedEvent): string => {
    const dayNumber = Math.floor(recorded.occurredAt.getTime() / DAY_MS);
    let day = days.get(dayNumber);
    if (day === undefined) {
      day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      days.set(dayNumber, day);
    }
    return day;
  };
  for (const recorded of events) {
    if (recorded.type === 'CoopAdmitted') {
      if (recorded.streamId !== REGISTRY_STREAM) continue;
      facts.push({ coopId: (recorded.data as CoopAdmitted['data']).coopId, standing: 'member' });
      continue;
    }
    if (recorded.type === 'CoopWithdrawalSettled') {
      if (recorded.streamId !== REGISTRY_STREAM) continue;
      const { coopId, cancelledPledges, settledOn } =
        recorded.data as CoopWithdrawalSettled['data'];
      const day = dayOf(recorded);
      for (const contributionId of cancelledPledges) {
        facts.push({
          key: contributionKey(coopId, contributionId),
          coopId,
          contributionId,
          event: {
            type: 'PledgeCancelled',
            data: {
              contributionId,
              cancelledOn: settledOn,
              reason: 'the coop left the consortium',
            },
          },
          day,
        });
      }
      facts.push({ coopId, standing: 'withdrawn' });
      continue;
    }
    if (isHoursGiven(recorded.type)) {
      const given = hoursGivenAsContribution(recorded);
      if (!given) continue;
      const { coopId, event } = given;
      const { contributionId } = event.data;
      const key = contributionKey(coopId, contributionId);
      facts.push({ key, coopId, contributionId, event, day: dayOf(recorded) });
      continue;
    }
    const coopId = coopOfStream(recorded.streamId);
    const contributionId = (recorded.data as { contributionId?: unknown }).contributionId;
    if (
      !coopId ||
      typeof contributionId !== 'string' ||
      recorded.streamId !== coopStream(coopId, CONTRIBUTION_AGGREGATE, contributionId)
    )
      continue;
    const day = dayOf(recorded);
    facts.push({
      key: contributionKey(coopId, contributionId),
      coopId,
      contributionId,
      event: recorded as unknown as ContributionEvent,
      day,
    });
  }
  return facts;
}

/**
 * Pledges a batch pays or cancels without recording them: they are taken out of the open pledges
 * before the batch is booked (the batch settles each of them, if it is open).
 */
export function pledgesToLoad(facts: PooledFact[]): { coopId: string; contributionId: string }[] {
  const recordedHere = new Set<ContributionKey>();
  const wanted = new Map<ContributionKey, { coopId: string; contributionId: string }>();
  for (const fact of facts) {
    if (isStanding(fact)) continue;
    const { key, coopId, contributionId, event } = fact;
    if (event.type === 'ContributionRecorded') recordedHere.add(key);
    else if (!recordedHere.has(key)) wanted.set(key, { coopId, contributionId });
  }
  return [...wanted.values()];
}

/** The coops whose standing the batch needs before booking: every coop it names. */
export function coopsToLoad(facts: PooledFact[]): string[] {
  return [...new Set(facts.map((fact) => fact.coopId))];
}

/** What a batch writes: its ledger lines, the money kept aside, the pledges it leaves open. */
export interface LedgerBatch {
  movements: PooledMovement[];
  notCounted: NotCountedMovement[];
  opened: OpenPledge[];
  /** The standings the batch changed, to keep for the next batches. */
  standings: Map<string, CoopStanding>;
}

interface Change {
  of: PooledDimensions;
  day: string;
  pledged: bigint;
  paid: bigint;
}

/**
 * The batch's changes as ledger lines: summed per day, unit and key of each dimension. A batch
 * writes a line per key it touched, not per event, so that rebuilding the whole history is bound
 * by reading the events, not by writing rows; every sum the board can ask for stays exact.
 */
function ledgerLines(changes: Change[]): PooledMovement[] {
  // Per day and unit, one map per dimension, keyed by the key itself: no key strings to build but
  // the month×pillar one, a single short concatenation per change.
  const buckets = new Map<string, Map<string, PooledMovement>[]>();
  for (const { of, day, pledged, paid } of changes) {
    const bucketId = `${day}${of.unit}`;
    let bucket = buckets.get(bucketId);
    if (!bucket) {
      bucket = POOLED_DIMENSIONS.map(() => new Map());
      buckets.set(bucketId, bucket);
    }
    POOLED_DIMENSIONS.forEach((dimension, i) => {
      // Derived here rather than kept on the open pledges: they hold its month and pillar already.
      const key = dimension === 'monthPillar' ? monthPillarKey(of.month, of.pillar) : of[dimension];
      const line = bucket[i].get(key);
      if (line) {
        line.pledged += pledged;
        line.paid += paid;
      } else bucket[i].set(key, { recordedOn: day, unit: of.unit, dimension, key, pledged, paid });
    });
  }
  const lines = [...buckets.values()].flatMap((bucket) => bucket.flatMap((m) => [...m.values()]));
  return lines.filter(changesSomething);
}

/** A pledge recorded and cancelled on one day changes nothing. */
function changesSomething(line: { pledged: bigint; paid: bigint }): boolean {
  return line.pledged !== 0n || line.paid !== 0n;
}

/** The changes kept aside, summed per day, unit, coop and reason. */
function notCountedLines(changes: (Change & { reason: NotCountedReason })[]): NotCountedMovement[] {
  const lines = new Map<string, NotCountedMovement>();
  for (const { of, day, pledged, paid, reason } of changes) {
    const id = `${day}/${of.unit}/${of.coopId}/${reason}`;
    const line = lines.get(id);
    if (line) {
      line.pledged += pledged;
      line.paid += paid;
    } else
      lines.set(id, { recordedOn: day, unit: of.unit, coopId: of.coopId, reason, pledged, paid });
  }
  return [...lines.values()].filter(changesSomething);
}

/**
 * Books a batch of contribution events, given the open pledges it settles (`pledgesToLoad`) and
 * the standing of the coops it names (`coopsToLoad`): a recorded pledge adds to `pledged`, a
 * recorded payment to `paid`; a pledge paid moves its amount from `pledged` to `paid`; a pledge
 * cancelled takes it off `pledged`. Events that change nothing (a pledge settled twice, or never
 * recorded; a contribution recorded twice) book nothing.
 *
 * Only a member's movements count: each is booked by the coop's standing when it happens, in the
 * log's order, the others kept aside with their reason. A pledge's outcome takes it off where it
 * was booked; its payment goes where the coop stands when it pays (a pledge made as an applicant
 * and paid once admitted is counted money from then on; paid after leaving, it is kept aside).
 */
export function bookBatch(
  settling: ReadonlyMap<ContributionKey, OpenPledge>,
  facts: PooledFact[],
  standingsBefore: ReadonlyMap<string, CoopStanding>,
): LedgerBatch {
  const counted: Change[] = [];
  const asideChanges: (Change & { reason: NotCountedReason })[] = [];
  const book = (reason: NotCountedReason | null, change: Change) => {
    if (change.pledged === 0n && change.paid === 0n) return;
    if (reason === null) counted.push(change);
    else asideChanges.push({ ...change, reason });
  };
  const standings = new Map(standingsBefore);
  const changedStandings = new Map<string, CoopStanding>();
  const open = new Map<ContributionKey, OpenPledge>(settling);
  const recorded = new Set<ContributionKey>();
  for (const fact of facts) {
    if (isStanding(fact)) {
      // Leaving is final: a later admission does not bring the coop back (nor does the registry).
      if (standings.get(fact.coopId) === 'withdrawn') continue;
      standings.set(fact.coopId, fact.standing);
      changedStandings.set(fact.coopId, fact.standing);
      continue;
    }
    const { key, coopId, contributionId, event, day } = fact;
    const now = notCountedReason(standings.get(coopId));
    if (event.type === 'ContributionRecorded') {
      if (recorded.has(key) || settling.has(key)) continue;
      recorded.add(key);
      const { quantity, pillar, kind, theme, period, status } = event.data;
      const hundredths = BigInt(quantity.hundredths);
      const contribution: OpenPledge = {
        coopId,
        contributionId,
        unit: quantity.unit,
        hundredths,
        pillar,
        kind,
        theme,
        month: period,
        notCounted: now,
      };
      if (status === 'pledged') open.set(key, contribution);
      const pledged = status === 'pledged' ? hundredths : 0n;
      book(now, { of: contribution, day, pledged, paid: hundredths - pledged });
      continue;
    }
    const pledge = open.get(key);
    if (!pledge) continue;
    open.delete(key);
    const paid = event.type === 'PledgePaid' ? pledge.hundredths : 0n;
    if (paid === 0n || pledge.notCounted === now) {
      book(pledge.notCounted, { of: pledge, day, pledged: -pledge.hundredths, paid });
    } else {
      // The coop's standing changed since it pledged: the promise and the money part ways.
      book(pledge.notCounted, { of: pledge, day, pledged: -pledge.hundredths, paid: 0n });
      book(now, { of: pledge, day, pledged: 0n, paid });
    }
  }
  // The settling pledges were taken out; what is still open now was opened by this batch.
  return {
    movements: ledgerLines(counted),
    notCounted: notCountedLines(asideChanges),
    opened: [...open.values()],
    standings: changedStandings,
  };
}
