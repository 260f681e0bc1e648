import { ValueTransformer } from 'typeorm';

/**
 * Sums of money as exact integers of any size. Money read models keep hundredths in `numeric`
 * columns and sum them in SQL `numeric`, which neither overflows (as `bigint` does past 2^63) nor
 * rounds (as a JS number does past 2^53); pg hands `numeric` back as text, read here as a bigint.
 */
export function bigintOfNumeric(text: string): bigint {
  if (!/^-?\d+$/.test(text)) throw new Error(`not a whole number of hundredths: ${text}`);
  return BigInt(text);
}

/** A `numeric` column of whole hundredths as a JS bigint, written back as its exact digits. */
export const numericAsBigint: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : bigintOfNumeric(value)),
};
