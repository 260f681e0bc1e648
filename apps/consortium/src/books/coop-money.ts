import { Currency } from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import {
  ContributionKey,
  contributionFacts,
  CoopStanding,
  coopsToLoad,
  notCountedReason,
  PooledFact,
  pledgesToLoad,
} from '../pooled-means';

/** The events that tell what money member coops paid in (a withdrawal cancels open pledges). */
export const COOP_MONEY_EVENT_TYPES = [
  'ContributionRecorded',
  'PledgePaid',
  'PledgeCancelled',
  'CoopAdmitted',
  'CoopWithdrawalSettled',
];

/** A pledge of money not yet paid nor cancelled: what its payment will bring in. */
export interface OpenMoneyPledge {
  coopId: string;
  contributionId: string;
  currency: Currency;
  hundredths: bigint;
}

/** Money a member coop paid in: one event, one line of the consortium's ledger. */
export interface CoopMoneyLine {
  eventId: string;
  position: number;
  /** The UTC day the event was recorded on: the day the pooled means count it. */
  day: string;
  coopId: string;
  contributionId: string;
  currency: Currency;
  hundredths: bigint;
}

/** What a batch of events does to the coops' money in the books. */
export interface CoopMoneyBatch {
  lines: CoopMoneyLine[];
  /** Pledges of money opened by the batch and still open at its end. */
  opened: OpenMoneyPledge[];
  standings: Map<string, CoopStanding>;
}

/** A fact of the pooled means, with the event it came from. */
interface EventFact {
  fact: PooledFact;
  eventId: string;
  position: number;
}

/**
 * The batch's facts as the pooled means read them (membership, contributions and their outcome),
 * each with its event: the ledger names the event of every movement.
 */
export function coopMoneyFacts(events: RecordedEvent[]): EventFact[] {
  return events.flatMap((event) =>
    contributionFacts([event]).map((fact) => ({
      fact,
      eventId: event.eventId,
      position: event.globalPosition,
    })),
  );
}

/** What must be read before booking: the open pledges the batch settles, the coops it names. */
export function coopMoneyToLoad(facts: EventFact[]) {
  const plain = facts.map((f) => f.fact);
  return { pledges: pledgesToLoad(plain), coopIds: coopsToLoad(plain) };
}

/**
 * The money member coops paid in, by the pooled means' own rules so that the ledger sums to the
 * budget's cash: only money (EUR, SOL; not the valuation of a non-monetary contribution), counted
 * when the coop is a member at the time it pays (admitted, and not yet gone: leaving is final);
 * a pledge brings its money in when it is paid, once.
 */
export function bookCoopMoney(
  facts: EventFact[],
  settling: ReadonlyMap<ContributionKey, OpenMoneyPledge>,
  standingsBefore: ReadonlyMap<string, CoopStanding>,
): CoopMoneyBatch {
  const standings = new Map(standingsBefore);
  const changed = new Map<string, CoopStanding>();
  const open = new Map(settling);
  const recorded = new Set<ContributionKey>();
  const lines: CoopMoneyLine[] = [];
  for (const { fact, eventId, position } of facts) {
    if ('standing' in fact) {
      if (standings.get(fact.coopId) === 'withdrawn') continue;
      standings.set(fact.coopId, fact.standing);
      changed.set(fact.coopId, fact.standing);
      continue;
    }
    const { key, coopId, contributionId, event, day } = fact;
    const member = notCountedReason(standings.get(coopId)) === null;
    const pay = (currency: Currency, hundredths: bigint) => {
      if (member)
        lines.push({ eventId, position, day, coopId, contributionId, currency, hundredths });
    };
    if (event.type === 'ContributionRecorded') {
      if (recorded.has(key) || settling.has(key)) continue;
      recorded.add(key);
      const { quantity, pillar, status } = event.data;
      if (quantity.unit === 'hours' || pillar === 'non_monetary') continue;
      const hundredths = BigInt(quantity.hundredths);
      if (status === 'paid') pay(quantity.unit, hundredths);
      else open.set(key, { coopId, contributionId, currency: quantity.unit, hundredths });
      continue;
    }
    const pledge = open.get(key);
    if (!pledge) continue;
    open.delete(key);
    if (event.type === 'PledgePaid') pay(pledge.currency, pledge.hundredths);
  }
  return {
    lines,
    // The settling pledges were taken out as they were read: what is open now goes back.
    opened: [...open.values()],
    standings: changed,
  };
}
