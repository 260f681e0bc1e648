import {
  consortiumStream,
  CONTRIBUTION_AGGREGATE,
  ContributionEvent,
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

/**
 * The keys the board reads pooled means by (API.md), one at a time. `monthPillar` is a month and
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

/** A pledge not yet paid nor cancelled: what the ledger must know to book its outcome later. */
export interface OpenPledge extends PooledDimensions {
  contributionId: string;
  hundredths: number;
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
  pledged: number;
  paid: number;
}

export const POOLED_EVENT_TYPES = [
  'ContributionRecorded',
  'PledgePaid',
  'PledgeCancelled',
  // A leaving coop's settlement cancels its open pledges (the consortium never writes coop streams).
  'CoopWithdrawalSettled',
] as const satisfies (ContributionEvent | CoopWithdrawalSettled)['type'][];

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

const DAY_MS = 86_400_000;

/**
 * The batch's contribution events, each located on its stream; an event off its contribution's
 * stream is left out. Runs once per batch (a rebuild goes through every event of the history).
 */
export function contributionFacts(events: RecordedEvent[]): ContributionFact[] {
  const days = new Map<number, string>();
  const facts: ContributionFact[] = [];
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
export function pledgesToLoad(
  facts: ContributionFact[],
): { coopId: string; contributionId: string }[] {
  if (facts.every((fact) => fact.event.type === 'ContributionRecorded')) return [];
  const recordedHere = new Set<ContributionKey>();
  const wanted = new Map<ContributionKey, { coopId: string; contributionId: string }>();
  for (const { key, coopId, contributionId, event } of facts) {
    if (event.type === 'ContributionRecorded') recordedHere.add(key);
    else if (!recordedHere.has(key)) wanted.set(key, { coopId, contributionId });
  }
  return [...wanted.values()];
}

/** What a batch writes: its ledger lines, and the pledges it leaves open. */
export interface LedgerBatch {
  movements: PooledMovement[];
  opened: OpenPledge[];
}

interface Change {
  of: PooledDimensions;
  day: string;
  pledged: number;
  paid: number;
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
  // A pledge recorded and cancelled on one day changes nothing.
  return lines.filter((line) => line.pledged !== 0 || line.paid !== 0);
}

/**
 * Books a batch of contribution events, given the open pledges it settles (`pledgesToLoad`): a
 * recorded pledge adds to `pledged`, a recorded payment to `paid`; a pledge paid moves its amount
 * from `pledged` to `paid`; a pledge cancelled takes it off `pledged`. Events that change nothing
 * (a pledge settled twice, or never recorded; a contribution recorded twice) book nothing.
 */
export function bookBatch(
  settling: ReadonlyMap<ContributionKey, OpenPledge>,
  facts: ContributionFact[],
): LedgerBatch {
  const changes: Change[] = [];
  const open = new Map<ContributionKey, OpenPledge>(settling);
  const recorded = new Set<ContributionKey>();
  for (const { key, coopId, contributionId, event, day } of facts) {
    if (event.type === 'ContributionRecorded') {
      if (recorded.has(key) || settling.has(key)) continue;
      recorded.add(key);
      const { quantity, pillar, kind, theme, period, status } = event.data;
      const contribution: OpenPledge = {
        coopId,
        contributionId,
        unit: quantity.unit,
        hundredths: quantity.hundredths,
        pillar,
        kind,
        theme,
        month: period,
      };
      if (status === 'pledged') open.set(key, contribution);
      const pledged = status === 'pledged' ? quantity.hundredths : 0;
      changes.push({ of: contribution, day, pledged, paid: quantity.hundredths - pledged });
      continue;
    }
    const pledge = open.get(key);
    if (!pledge) continue;
    open.delete(key);
    const paid = event.type === 'PledgePaid' ? pledge.hundredths : 0;
    changes.push({ of: pledge, day, pledged: -pledge.hundredths, paid });
  }
  // The settling pledges were taken out; what is still open now was opened by this batch.
  return { movements: ledgerLines(changes), opened: [...open.values()] };
}
