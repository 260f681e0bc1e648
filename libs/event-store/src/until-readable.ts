import { EventStore } from './event-store.port';

/** Longer than any transaction of a working app; past it, the caller decides what to do. */
const READABLE_WITHIN_MS = 30_000;

/**
 * Waits until a read of the log reaches `head`, a position already committed. A reader stops at
 * the oldest transaction still running, so an event committed a moment ago may not be readable
 * yet while an older transaction (of this app, or of another on the same database) is open. A
 * backup or an export taken after an answer must hold what that answer recorded. Returns whether
 * it is readable; a store that cannot tell is taken at its word.
 */
export async function untilReadable(
  store: EventStore,
  head: number,
  withinMs = READABLE_WITHIN_MS,
): Promise<boolean> {
  if (head === 0 || !store.readsReach) return true;
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await store.readsReach(head)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
