import { Pillar, Unit } from '@libs/contracts';
import { Indicator, ratioIndicator, ratioString } from '@libs/rules';
import { monthAndPillarOf, PooledDimension } from './pooled-ledger';
import { Sums, totalLine, TotalLine, UNITS, unitLines } from './total-line';

/** The ledger summed for one key of one dimension, in one unit. */
export interface PooledSum extends Sums {
  dimension: PooledDimension;
  key: string;
  unit: Unit;
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
  /** The indicators in alert. */
  alerts: Indicator[];
}

const UNIT_ORDER = new Map(UNITS.map((unit, i) => [unit, i]));

/** The sums of one dimension with something in them, by key then unit. */
function linesOf(sums: PooledSum[], dimension: PooledDimension): PooledSum[] {
  return sums
    .filter((s) => s.dimension === dimension && (s.pledged !== 0 || s.paid !== 0))
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
    const total = totals.get(s.unit) ?? { pledged: 0, paid: 0 };
    totals.set(s.unit, { pledged: total.pledged + s.pledged, paid: total.paid + s.paid });
  }
  return totals;
}

/** The SOL share of the money paid: the complementary currency should stay at most 20%. */
export function solShareIndicator(solPaid: number, eurPaid: number): Indicator {
  return ratioIndicator('sol_share_at_most_20pct', solPaid, solPaid + eurPaid);
}

/** `GET /pooled-means` from the ledger summed per key of each dimension, as of a day. */
export function pooledMeansView(asOf: string, sums: PooledSum[]): PooledMeansView {
  const totals = totalsOf(sums);
  const eurPaid = totals.get('EUR')?.paid ?? 0;
  const solPaid = totals.get('SOL')?.paid ?? 0;
  const moneyPaid = eurPaid + solPaid;
  const nonMonetaryMoney = sums
    .filter((s) => s.dimension === 'pillar' && s.key === 'non_monetary' && s.unit !== 'hours')
    .reduce((sum, s) => sum + s.paid, 0);
  const solShare = solShareIndicator(solPaid, eurPaid);
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
    nonMonetaryShare: moneyPaid === 0 ? null : ratioString(nonMonetaryMoney, moneyPaid),
    alerts: [solShare].filter((indicator) => indicator.status === 'alert'),
  };
}
