import { EventStore } from './event-store.port';

/** Longer than any transaction of a working app. */
const READABLE_WITHIN_MS = 30_000;

/**
 * Waits until a read of the log reaches `head`, a position already committed. A reader stops at
 * the oldest transaction still running, so an event committed a moment ago may not be readable
 * yet while an older transaction (of this app, or of another on the same database) is open. A
 * backup or an export taken after an answer must hold what that answer recorded. Past
 * READABLE_WITHIN_MS it gives up: the caller reads what is readable and says which head it saw.
 * A store that cannot tell is taken at its word.
 */
export async function untilReadable(store: EventStore, head: number): Promise<void> {
  if (head === 0 || !store.readsReach) return;
  const deadline = Date.now() + READABLE_WITHIN_MS;
  while (!(await store.readsReach(head)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
