import { ContributionKind, Currency, formatHundredths, Pillar, Theme, Unit } from '@libs/contracts';
import { MoneyJson } from '@libs/api-conventions';
import { ContributionState, ContributionStatus } from './contribution.decider';

/** A contribution as the API shows it: `amount` for money, `time` for hours (never both). */
export interface ContributionView {
  contributionId: string;
  kind: ContributionKind;
  pillar: Pillar;
  amount?: MoneyJson;
  time?: { hours: string };
  period: string;
  theme: Theme;
  source: string | null;
  status: ContributionStatus;
  recordedOn: string;
  paidOn: string | null;
  version: number;
}

export interface ContributionFigures {
  contributionId: string;
  kind: ContributionKind;
  pillar: Pillar;
  unit: Unit;
  hundredths: number;
  period: string;
  theme: Theme;
  source: string | null;
  status: ContributionStatus;
  recordedOn: string;
  paidOn: string | null;
  version: number;
}

export function contributionView(row: ContributionFigures): ContributionView {
  const { unit, hundredths, ...rest } = row;
  const value = formatHundredths(hundredths);
  return unit === 'hours'
    ? { ...rest, time: { hours: value } }
    : { ...rest, amount: { amount: value, currency: unit as Currency } };
}

/** The contribution as a command left it: what a change answers with, without reading it again. */
export function contributionViewOf(
  state: NonNullable<ContributionState>,
  version: number,
): ContributionView {
  const { quantity, ...rest } = state;
  return contributionView({
    ...rest,
    unit: quantity.unit,
    hundredths: quantity.hundredths,
    version,
  });
}
