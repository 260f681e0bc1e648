import { RecordedEvent } from '@libs/event-store';

/**
 * The pure heart of a row projection: a row's next state from its current one and an event.
 * `undefined` = no such row yet; return `null` to delete the row, the same row object to leave it
 * unchanged, or a new object for its new state.
 */
export type Evolve<Row> = (row: Row | undefined, event: RecordedEvent, key: string) => Row | null;

/** The ids of the rows an event changes; empty (or null) when it changes none. */
export type RowKeys = (event: RecordedEvent) => string | readonly string[] | null | undefined;

export interface KeyedEvent {
  event: RecordedEvent;
  keys: readonly string[];
}

export interface RowChanges<Row> {
  upserts: Row[];
  deletes: string[];
}

export function keyEvents(events: RecordedEvent[], keysOf: RowKeys): KeyedEvent[] {
  return events.map((event) => {
    const keys = keysOf(event);
    return { event, keys: keys == null ? [] : typeof keys === 'string' ? [keys] : keys };
  });
}

export function touchedKeys(keyed: KeyedEvent[]): string[] {
  return [...new Set(keyed.flatMap((k) => k.keys))];
}

/**
 * Folds a batch over the rows as they were before it, in event order, and tells what to write:
 * each touched row once, in its final state, whatever number of events touched it.
 */
export function foldRows<Row>(
  before: ReadonlyMap<string, Row>,
  keyed: KeyedEvent[],
  evolve: Evolve<Row>,
): RowChanges<Row> {
  const after = new Map<string, Row | null>();
  for (const { event, keys } of keyed) {
    for (const key of keys) {
      const current = after.has(key) ? (after.get(key) ?? undefined) : before.get(key);
      after.set(key, evolve(current, event, key));
    }
  }
  const changes: RowChanges<Row> = { upserts: [], deletes: [] };
  for (const [key, row] of after) {
    if (row === null) {
      if (before.has(key)) changes.deletes.push(key);
    } else if (row !== before.get(key)) {
      changes.upserts.push(row);
    }
  }
  return changes;
}
