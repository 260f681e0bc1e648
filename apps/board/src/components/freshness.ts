import type { ReadModelState } from '../api/types';

export type Freshness =
  | { kind: 'current' }
  | { kind: 'rebuilding' }
  | { kind: 'failing' }
  | { kind: 'parked'; events: number; views: string[] }
  | { kind: 'behind'; lag: number };

/** Below this many events behind, the views are as fresh as a board needs: no word about it. */
export const NOTICEABLE_LAG = 500;

/** What the board should be told before reading the figures; the worst state wins. */
export function freshnessOf(states: ReadModelState[]): Freshness {
  if (states.some((state) => state.rebuilding)) return { kind: 'rebuilding' };
  if (states.some((state) => state.failing)) return { kind: 'failing' };
  const parked = states.filter((state) => state.parkedEvents > 0);
  if (parked.length > 0) {
    return {
      kind: 'parked',
      events: parked.reduce((sum, state) => sum + state.parkedEvents, 0),
      views: parked.map((state) => state.name),
    };
  }
  const lag = Math.max(0, ...states.map((state) => state.lag));
  return lag >= NOTICEABLE_LAG ? { kind: 'behind', lag } : { kind: 'current' };
}
