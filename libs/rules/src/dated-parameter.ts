/**
 * A figure the law updates: each value holds from its `since` date (ISO, inclusive) until the next
 * one. Decisions take the value in force on the date of the fact (an admission, a subscription),
 * so that history re-read later gives the same answers.
 */
export interface DatedValue<T> {
  since: string;
  value: T;
}

export type DatedParameter<T> = readonly DatedValue<T>[];

/** Dates before the first `since` get the first value: the oldest rule we know of. */
export function valueOn<T>(parameter: DatedParameter<T>, date: string): T {
  if (parameter.length === 0) throw new Error('a dated parameter needs at least one value');
  let current = parameter[0];
  for (const entry of parameter) {
    if (entry.since <= date) current = entry;
  }
  return current.value;
}

/** Builds a parameter, sorted, refusing two values for one date. */
export function dated<T>(...values: DatedValue<T>[]): DatedParameter<T> {
  const sorted = [...values].sort((a, b) => a.since.localeCompare(b.since));
  sorted.forEach((entry, i) => {
    if (i > 0 && sorted[i - 1].since === entry.since)
      throw new Error(`two values since ${entry.since}`);
  });
  return sorted;
}
