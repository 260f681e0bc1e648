import { formatHundredths, Unit } from '@libs/contracts';

/**
 * A total line (the public API): `pledged` is promised and not yet paid (outstanding), `paid` received
 * (for hours, given). EUR and SOL are never summed together; hours are their own unit.
 */
export interface TotalLine {
  unit: Unit;
  pledged: string;
  paid: string;
}

/** In hundredths, exact: sums of any number of amounts. */
export interface Sums {
  pledged: bigint;
  paid: bigint;
}

export const NO_SUMS: Sums = { pledged: 0n, paid: 0n };

/** A sum as SQL `numeric` answers it (a decimal string of an integer), or null for none. */
export function sumOf(value: string | null | undefined): bigint {
  return value == null ? 0n : BigInt(value);
}

export const UNITS: readonly Unit[] = ['EUR', 'SOL', 'hours'];

export function totalLine(unit: Unit, sums: Sums): TotalLine {
  return { unit, pledged: formatHundredths(sums.pledged), paid: formatHundredths(sums.paid) };
}

/** One line per unit, zeros included, in the order EUR, SOL, hours. */
export function unitLines(byUnit: ReadonlyMap<Unit, Sums>): TotalLine[] {
  return UNITS.map((unit) => totalLine(unit, byUnit.get(unit) ?? NO_SUMS));
}
