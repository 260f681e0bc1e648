import { ReadModelState } from '../api/types';
import { freshnessOf, NOTICEABLE_LAG } from './freshness';

const state = (overrides: Partial<ReadModelState> = {}): ReadModelState => ({
  name: 'pooled_means',
  status: 'up-to-date',
  caughtUp: true,
  rebuilding: false,
  failing: false,
  lag: 0,
  parkedEvents: 0,
  parked: [],
  ...overrides,
});

describe('what the board is told about the figures’ freshness', () => {
  it('nothing while every view is caught up or only a moment behind', () => {
    expect(freshnessOf([state(), state({ caughtUp: false, lag: NOTICEABLE_LAG - 1 })])).toEqual({
      kind: 'current',
    });
  });

  it('that a view is rebuilding, before anything else', () => {
    expect(freshnessOf([state({ failing: true }), state({ rebuilding: true, lag: 9000 })])).toEqual(
      { kind: 'rebuilding' },
    );
  });

  it('that a view stopped updating', () => {
    expect(freshnessOf([state({ lag: 10_000 }), state({ failing: true })])).toEqual({
      kind: 'failing',
    });
  });

  it('that views are partial, counting the events they could not apply, before any lag', () => {
    expect(
      freshnessOf([
        state({ parkedEvents: 1 }),
        state({ name: 'member_coops', lag: 9000 }),
        state({ name: 'catalogue', parkedEvents: 2 }),
      ]),
    ).toEqual({ kind: 'parked', events: 3, views: ['pooled_means', 'catalogue'] });
    expect(freshnessOf([state({ parkedEvents: 1 }), state({ failing: true })])).toEqual({
      kind: 'failing',
    });
  });

  it('how far the furthest view trails the log', () => {
    expect(freshnessOf([state({ lag: 700 }), state({ lag: 1200 })])).toEqual({
      kind: 'behind',
      lag: 1200,
    });
  });
});
