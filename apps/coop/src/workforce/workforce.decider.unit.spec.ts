import { DeciderSpecification, RuleViolation } from '@libs/aggregates';
import { WorkforceEvent } from '@libs/contracts';
import { workforceDecider, WorkforceCommand } from './workforce.decider';

const record = (month: string, workers: number, disadvantaged: number): WorkforceCommand => ({
  type: 'RecordWorkforce',
  month,
  workers,
  disadvantaged,
});
const recorded = (month: string, workers: number, disadvantaged: number): WorkforceEvent => ({
  type: 'WorkforceRecorded',
  data: { month, workers, disadvantaged },
});

const workforce = DeciderSpecification.for(workforceDecider);

describe('the workforce, month by month', () => {
  it('given no month recorded, when a month is recorded, then it holds', () => {
    workforce
      .given()
      .when(record('2026-01', 10, 3))
      .then([recorded('2026-01', 10, 3)]);
  });

  it('given a month recorded, when it is corrected, then the last record holds; the same again records nothing', () => {
    workforce
      .given([recorded('2026-01', 10, 3)])
      .when(record('2026-01', 11, 3))
      .then([recorded('2026-01', 11, 3)])
      .andState({ '2026-01': { workers: 11 } });
    workforce
      .given([recorded('2026-01', 10, 3)])
      .when(record('2026-01', 10, 3))
      .thenNothingHappened();
  });

  it('refuses more disadvantaged than workers, not as many', () => {
    workforce
      .given()
      .when(record('2026-01', 3, 4))
      .thenThrows(RuleViolation, { rule: 'disadvantaged_within_workers' });
    workforce
      .given()
      .when(record('2026-01', 4, 4))
      .then([recorded('2026-01', 4, 4)]);
  });
});
