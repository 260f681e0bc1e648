import { ValueTransformer } from 'typeorm';

/**
 * `bigint` columns as JS numbers. pg hands bigints back as strings so as not to lose precision;
 * our amounts are integer hundredths far below 2^53, and refusing anything beyond keeps it honest.
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
