import { formatHundredths, Unit } from '@libs/contracts';
import { Indicator } from '@libs/rules';
import { GroupedLine } from '../pooled-means';
import { NO_SUMS, Sums, TotalLine, unitLines } from '../pooled-means';
import { DecisionsTally } from '../budgets';
import { CoopMove } from '../registry';
import { Quarter } from './quarter';

/**
 * The account of a quarter, from the projections. Figures only, and the coops (organisations)
 * that joined or left: no member of a coop is named, nor any reason.
 */
export interface QuarterlyReport {
  quarter: string;
  months: string[];
  from: string;
  to: string;
  /** The pooled means of the quarter's months: `GET /pooled-means`'s `byMonth` lines for them. */
  pooledMeans: { totals: TotalLine[]; byMonth: GroupedLine<'month'>[] };
  coops: { admitted: CoopMove[]; left: CoopMove[] };
  /** The board's decisions on allocations in the quarter: how many, and the amounts, by outcome. */
  decisions: {
    outcome: 'approved' | 'rejected';
    unit: string;
    decisions: number;
    amount: string;
  }[];
  trainings: { held: number; hours: string; placesTaken: number };
  exchanges: { confirmed: number; hours: string };
  resources: { added: number; byKind: { kind: string; resources: number }[] };
  /** The consortium's indicators in alert and the member coops with one, as they stand today. */
  compliance: { alerts: Indicator[]; coopsInAlert: number };
}

export interface QuarterFacts {
  byMonth: GroupedLine<'month'>[];
  admitted: CoopMove[];
  left: CoopMove[];
  decisions: DecisionsTally[];
  trainings: { trainings: number; hours: bigint; enrolled: number };
  exchanges: { exchanges: number; hours: bigint };
  resources: { kind: string; resources: number }[];
  compliance: { consortium: Indicator[]; coops: { indicators: Indicator[] }[] };
}

const hundredths = (decimal: string) => BigInt(decimal.replace('.', ''));

/** The quarter's totals: its months' lines added unit by unit, exactly. */
export function quarterTotals(byMonth: GroupedLine<'month'>[]): TotalLine[] {
  const byUnit = new Map<Unit, Sums>();
  for (const line of byMonth) {
    const sums = byUnit.get(line.unit) ?? NO_SUMS;
    byUnit.set(line.unit, {
      pledged: sums.pledged + hundredths(line.pledged),
      paid: sums.paid + hundredths(line.paid),
    });
  }
  return unitLines(byUnit);
}

export function quarterlyReport(quarter: Quarter, facts: QuarterFacts): QuarterlyReport {
  const inAlert = (indicators: Indicator[]) => indicators.filter((i) => i.status === 'alert');
  return {
    quarter: quarter.id,
    months: quarter.months,
    from: quarter.firstDay,
    to: quarter.lastDay,
    pooledMeans: { totals: quarterTotals(facts.byMonth), byMonth: facts.byMonth },
    coops: { admitted: facts.admitted, left: facts.left },
    decisions: facts.decisions.map(({ outcome, unit, decisions, hundredths }) => ({
      outcome,
      unit,
      decisions,
      amount: formatHundredths(hundredths),
    })),
    trainings: {
      held: facts.trainings.trainings,
      hours: formatHundredths(facts.trainings.hours),
      placesTaken: facts.trainings.enrolled,
    },
    exchanges: {
      confirmed: facts.exchanges.exchanges,
      hours: formatHundredths(facts.exchanges.hours),
    },
    resources: {
      added: facts.resources.reduce((sum, kind) => sum + kind.resources, 0),
      byKind: facts.resources,
    },
    compliance: {
      alerts: inAlert(facts.compliance.consortium),
      coopsInAlert: facts.compliance.coops.filter((c) => inAlert(c.indicators).length > 0).length,
    },
  };
}
