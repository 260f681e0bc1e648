/** How soon the dispatcher looks after being told deliveries may be waiting. */
export const FIRST_LOOK_MS = 25;

/**
 * The dispatcher's wait before its next look: short again after it sent something, doubled up to
 * `idleMs` after a look that found nothing (so an idle app looks once every `idleMs`), and never
 * later than the next delivery due.
 */
export function nextWake(
  backoffMs: number,
  sent: number,
  idleMs: number,
  untilNextDueMs: number,
): { backoffMs: number; sleepMs: number } {
  const next = sent > 0 ? FIRST_LOOK_MS : Math.min(backoffMs * 2, idleMs);
  return { backoffMs: next, sleepMs: Math.max(0, Math.min(next, untilNextDueMs)) };
}
