import { Currency, formatHundredths, Money } from '../quantity';
import {
  FundsMovement,
  PROJECT_STAGES,
  ProjectStage,
  StageSpell,
  SupportGiven,
} from './incubation-events';

/*
 * A project's figures, the same wherever its history is shown: by the consortium that hosts it,
 * and by the coop it became, from the pre-history it received.
 */

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Days spent in each stage, the present one counted up to `today` (or the graduation). */
export function daysPerStage(
  project: { stages: StageSpell[] },
  today: string,
): Record<ProjectStage, number> {
  const days = Object.fromEntries(PROJECT_STAGES.map((stage) => [stage, 0])) as Record<
    ProjectStage,
    number
  >;
  for (const spell of project.stages)
    days[spell.stage] += daysBetween(spell.from, spell.to ?? today);
  return days;
}

/** The funds held, per currency, as decimal strings: exact whatever their size. */
export function fundsHeld(project: {
  funds: Pick<FundsMovement, 'direction' | 'amount'>[];
}): Record<string, string> {
  const held = new Map<Currency, bigint>();
  for (const { direction, amount } of project.funds) {
    const signed = BigInt(amount.hundredths) * (direction === 'in' ? 1n : -1n);
    held.set(amount.unit, (held.get(amount.unit) ?? 0n) + signed);
  }
  return Object.fromEntries(
    [...held].map(([unit, hundredths]) => [unit, formatHundredths(hundredths)]),
  );
}

/** Hours of support received, in total and by giving coop (`consortium` when no coop gave them). */
export function hoursReceived(project: { support: Pick<SupportGiven, 'hours' | 'byCoopId'>[] }): {
  total: string;
  byCoop: Record<string, string>;
} {
  let total = 0n;
  const byCoop = new Map<string, bigint>();
  for (const { hours, byCoopId } of project.support) {
    if (hours === null) continue;
    total += BigInt(hours);
    const giver = byCoopId ?? 'consortium';
    byCoop.set(giver, (byCoop.get(giver) ?? 0n) + BigInt(hours));
  }
  return {
    total: formatHundredths(total),
    byCoop: Object.fromEntries([...byCoop].map(([coop, h]) => [coop, formatHundredths(h)])),
  };
}

/** Money as the API writes it: `{ amount: '12.50', currency: 'EUR' }`. */
const listedMoney = ({ unit, hundredths }: Money) => ({
  amount: formatHundredths(hundredths),
  currency: unit,
});

/** The support a project received, as the API lists it: hours and amounts as exact decimals. */
export function listedSupport(support: SupportGiven[]) {
  return support.map(({ hours, amount, ...given }) => ({
    ...given,
    hours: hours === null ? null : formatHundredths(hours),
    amount: amount && listedMoney(amount),
  }));
}

/** The money held for a project, in and out, as the API lists it. */
export function listedFunds(funds: FundsMovement[]) {
  return funds.map(({ amount, ...movement }) => ({ ...movement, amount: listedMoney(amount) }));
}
