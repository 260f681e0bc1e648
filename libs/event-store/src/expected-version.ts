/**
 * What the writer believes about the stream before appending:
 * - a number: the stream's current version (its event count); the append fails if it moved;
 * - `NO_STREAM`: the stream must not exist yet;
 * - `STREAM_EXISTS`: the stream must have at least one event;
 * - `ANY`: no check (still atomic and idempotent).
 */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;

export type ExpectedVersion = number | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY;

/** True when a stream now at `actual` (0 = no stream) satisfies `expected`. */
export function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return actual === 0;
    case STREAM_EXISTS:
      return actual > 0;
    default:
      return actual === expected;
  }
}
