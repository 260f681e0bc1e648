import { RuleViolation } from '@libs/aggregates';
import { decide, evolve, workforceDecider, WorkforceCommand } from './workforce.decider';

const record = (month: string, workers: number, disadvantaged: number): WorkforceCommand => ({
  type: 'RecordWorkforce',
  month,
  workers,
  disadvantaged,
});

describe('the workforce, month by month', () => {
  it('given no month recorded, when a month is recorded, then it holds', () => {
    const events = decide(record('2026-01', 10, 3), workforceDecider.initialState());
    expect(events).toEqual([
      { type: 'WorkforceRecorded', data: { month: '2026-01', workers: 10, disadvantaged: 3 } },
    ]);
  });

  it('given a month recorded, when it is corrected, then the last record holds; the same again records nothing', () => {
    const state = evolve({}, decide(record('2026-01', 10, 3), {})[0]);
    const corrected = decide(record('2026-01', 11, 3), state);
    expect(evolve(state, corrected[0])['2026-01']).toMatchObject({ workers: 11 });
    expect(decide(record('2026-01', 10, 3), state)).toEqual([]);
  });

  it('refuses more disadvantaged than workers, not as many', () => {
    expect(() => decide(record('2026-01', 3, 4), {})).toThrow(RuleViolation);
    expect(decide(record('2026-01', 4, 4), {})).toHaveLength(1);
  });
});
