import { CURRENCIES, Currency, formatHundredths, IncomeKind, Theme, Unit } from '@libs/contracts';
import { Indicator } from '@libs/rules';
import { GroupedLine } from '../pooled-means';
import { NO_SUMS, Sums, TotalLine, unitLines } from '../pooled-means';
import { BooksBetween, BooksSum } from '../books';
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
  /**
   * The consortium's own money in the quarter (received or paid on its days): per currency, then
   * its income by kind and what it paid out on allocations by theme. Sums and counts only: never
   * a funder's or a payee's name.
   */
  books: {
    totals: { currency: Currency; received: string; disbursed: string }[];
    income: { kind: IncomeKind; currency: Currency; movements: number; amount: string }[];
    disbursements: {
      theme: Theme | null;
      currency: Currency;
      disbursements: number;
      amount: string;
    }[];
  };
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
  books: BooksBetween;
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
    books: quarterBooks(facts.books),
  };
}

/** The quarter's own income and disbursements, and their totals in each currency, exactly. */
export function quarterBooks({ income, disbursed }: BooksBetween): QuarterlyReport['books'] {
  const total = (sums: BooksSum[], currency: Currency) =>
    formatHundredths(
      sums.filter((sum) => sum.currency === currency).reduce((t, sum) => t + sum.hundredths, 0n),
    );
  return {
    totals: CURRENCIES.map((currency) => ({
      currency,
      received: total(income, currency),
      disbursed: total(disbursed, currency),
    })),
    income: income.map(({ kind, currency, movements, hundredths }) => ({
      kind,
      currency,
      movements,
      amount: formatHundredths(hundredths),
    })),
    disbursements: disbursed.map(({ theme, currency, movements, hundredths }) => ({
      theme,
      currency,
      disbursements: movements,
      amount: formatHundredths(hundredths),
    })),
  };
}
