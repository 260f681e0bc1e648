import { formatHundredths, Pillar, Unit } from '@libs/contracts';
import { Indicator, ratioIndicator, ratioString } from '@libs/rules';
import { monthAndPillarOf, NotCountedReason, PooledDimension } from './pooled-ledger';
import { NO_SUMS, Sums, totalLine, TotalLine, UNITS, unitLines } from './total-line';

/** The ledger summed for one key of one dimension, in one unit. */
export interface PooledSum extends Sums {
  dimension: PooledDimension;
  key: string;
  unit: Unit;
}

/** The money kept aside for one coop and reason, in one unit. */
export interface NotCountedSum extends Sums {
  coopId: string;
  reason: NotCountedReason;
  unit: Unit;
}

/**
 * A coop's movements that count nowhere: recorded while it was not a member (`not_admitted`: it
 * never applied, or was not admitted yet) or after it left (`withdrawn`). Shown so that the board
 * sees them, never added to any total.
 */
export interface NotCountedCoop {
  coopId: string;
  reason: NotCountedReason;
  totals: TotalLine[];
}

export type GroupedLine<D extends PooledDimension> = { [K in D]: string } & TotalLine;

/** A line of money (or hours) per month and pillar: its key split back into its two parts. */
export type MonthPillarLine = { month: string; pillar: Pillar } & TotalLine;

export interface PooledMeansView {
  asOf: string;
  totals: TotalLine[];
  byPillar: GroupedLine<'pillar'>[];
  byKind: GroupedLine<'kind'>[];
  byTheme: GroupedLine<'theme'>[];
  byCoop: GroupedLine<'coopId'>[];
  byMonth: GroupedLine<'month'>[];
  /** By month, then pillar: each month's lines add up to its `byMonth` lines, unit by unit. */
  byMonthAndPillar: MonthPillarLine[];
  /** SOL paid ÷ (EUR paid + SOL paid); null while no money is paid. */
  solShare: string | null;
  /** Money (EUR + SOL) paid in the non-monetary pillar ÷ all money paid; null while none is paid. */
  nonMonetaryShare: string | null;
  /** Where the pooled means stand against the founding aim: a third of them not money. */
  nonMonetaryAim: NonMonetaryAim;
  /** The indicators in alert. */
  alerts: Indicator[];
  /** Coops whose movements are kept aside, by coop then reason; in no figure above. */
  notCounted: NotCountedCoop[];
}

/**
 * The aim of cutting the dependence on money by a third. Hours have no money value here, so the
 * share is the money valuation of non-monetary contributions against all money paid, and the
 * non-monetary hours (volunteering, exchanges, trainings given) are shown beside it.
 */
export interface NonMonetaryAim {
  aim: string;
  share: string | null;
  /** share ≥ aim, compared exactly; null while no money is paid. */
  reached: boolean | null;
  hours: string;
}

const UNIT_ORDER = new Map(UNITS.map((unit, i) => [unit, i]));

/** The sums of one dimension with something in them, by key then unit. */
function linesOf(sums: PooledSum[], dimension: PooledDimension): PooledSum[] {
  return sums
    .filter((s) => s.dimension === dimension && (s.pledged !== 0n || s.paid !== 0n))
    .sort((a, b) =>
      a.key === b.key ? UNIT_ORDER.get(a.unit)! - UNIT_ORDER.get(b.unit)! : a.key < b.key ? -1 : 1,
    );
}

function grouped<D extends PooledDimension>(sums: PooledSum[], dimension: D): GroupedLine<D>[] {
  return linesOf(sums, dimension).map(
    (s) => ({ [dimension]: s.key, ...totalLine(s.unit, s) }) as GroupedLine<D>,
  );
}

function byMonthAndPillar(sums: PooledSum[]): MonthPillarLine[] {
  return linesOf(sums, 'monthPillar').map((s) => ({
    ...monthAndPillarOf(s.key),
    ...totalLine(s.unit, s),
  }));
}

/** Every contribution counts for exactly one month: the month lines add up to the totals. */
function totalsOf(sums: PooledSum[]): Map<Unit, Sums> {
  const totals = new Map<Unit, Sums>();
  for (const s of sums) {
    if (s.dimension !== 'month') continue;
    const total = totals.get(s.unit) ?? NO_SUMS;
    totals.set(s.unit, { pledged: total.pledged + s.pledged, paid: total.paid + s.paid });
  }
  return totals;
}

/** The coops kept aside, by coop then reason, each with its totals per unit. */
function notCountedOf(aside: NotCountedSum[]): NotCountedCoop[] {
  const groups = new Map<string, NotCountedCoop & { byUnit: Map<Unit, Sums> }>();
  for (const s of aside) {
    if (s.pledged === 0n && s.paid === 0n) continue;
    const id = `${s.coopId}/${s.reason}`;
    const group = groups.get(id) ?? {
      coopId: s.coopId,
      reason: s.reason,
      totals: [],
      byUnit: new Map(),
    };
    group.byUnit.set(s.unit, s);
    groups.set(id, group);
  }
  return [...groups.keys()].sort().map((id) => {
    const { coopId, reason, byUnit } = groups.get(id)!;
    return { coopId, reason, totals: unitLines(byUnit) };
  });
}

/** The SOL share of the money paid: the complementary currency should stay at most 20%. */
export function solShareIndicator(solPaid: bigint, eurPaid: bigint): Indicator {
  return ratioIndicator('sol_share_at_most_20pct', solPaid, solPaid + eurPaid);
}

/**
 * `GET /pooled-means` from the ledger summed per key of each dimension, as of a day, and the
 * money kept aside from coops that were not members.
 */
export function pooledMeansView(
  asOf: string,
  sums: PooledSum[],
  aside: NotCountedSum[] = [],
): PooledMeansView {
  const totals = totalsOf(sums);
  const eurPaid = totals.get('EUR')?.paid ?? 0n;
  const solPaid = totals.get('SOL')?.paid ?? 0n;
  const moneyPaid = eurPaid + solPaid;
  const nonMonetaryMoney = sums
    .filter((s) => s.dimension === 'pillar' && s.key === 'non_monetary' && s.unit !== 'hours')
    .reduce((sum, s) => sum + s.paid, 0n);
  const solShare = solShareIndicator(solPaid, eurPaid);
  const nonMonetaryShare = moneyPaid === 0n ? null : ratioString(nonMonetaryMoney, moneyPaid);
  const nonMonetaryHours = sums
    .filter((s) => s.dimension === 'pillar' && s.key === 'non_monetary' && s.unit === 'hours')
    .reduce((sum, s) => sum + s.paid, 0n);
  return {
    asOf,
    totals: unitLines(totals),
    byPillar: grouped(sums, 'pillar'),
    byKind: grouped(sums, 'kind'),
    byTheme: grouped(sums, 'theme'),
    byCoop: grouped(sums, 'coopId'),
    byMonth: grouped(sums, 'month'),
    byMonthAndPillar: byMonthAndPillar(sums),
    solShare: solShare.value,
    nonMonetaryShare,
    nonMonetaryAim: {
      aim: ratioString(1, 3),
      share: nonMonetaryShare,
      reached: moneyPaid === 0n ? null : nonMonetaryMoney * 3n >= moneyPaid,
      hours: formatHundredths(nonMonetaryHours),
    },
    alerts: [solShare].filter((indicator) => indicator.status === 'alert'),
    notCounted: notCountedOf(aside),
  };
}
