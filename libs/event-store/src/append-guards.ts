import { NewEvent } from './envelope';
import { EventIdConflictError } from './errors';

/** Checks every adapter makes before an append, the same way. */

/** The same id twice in one append can never be recorded: a store would refuse it forever. */
export function assertDistinctEventIds(streamId: string, events: NewEvent[]): void {
  const seen = new Set<string>();
  const repeated = events
    .map((e) => e.eventId.toLowerCase())
    .filter((id) => seen.size === seen.add(id).size);
  if (repeated.length > 0) throw new EventIdConflictError(streamId, repeated);
}

/** A page size given by the caller, or the adapter's default. */
export function pageSizeOf(options: { pageSize?: number }, byDefault: number): number {
  const pageSize = options.pageSize ?? byDefault;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new Error('pageSize must be a positive integer');
  }
  return pageSize;
}
