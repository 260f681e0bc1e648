import { ValueTransformer } from 'typeorm';

/**
 * `bigint` (or whole `numeric`) columns holding ONE amount or a count, as JS numbers. pg hands them
 * back as strings so as not to lose precision; one amount is integer hundredths far below 2^53, and
 * refusing anything beyond keeps it honest. Sums are another matter: `numericAsBigint`.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new Error(`bigint beyond 2^53: ${value}`);
    return number;
  },
};
