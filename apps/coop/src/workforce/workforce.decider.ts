import { WorkforceEvent } from '@libs/contracts';
import { Decider, RuleViolation } from '@libs/aggregates';
import { MonthlyWorkforce } from '@libs/rules';

export type WorkforceCommand = { type: 'RecordWorkforce' } & MonthlyWorkforce;

/** The coop's workforce by month; a month recorded again is corrected (the last record holds). */
export type WorkforceState = Record<string, MonthlyWorkforce>;

export function evolve(state: WorkforceState, event: WorkforceEvent): WorkforceState {
  return { ...state, [event.data.month]: event.data };
}

export function decide(command: WorkforceCommand, state: WorkforceState): WorkforceEvent[] {
  const { month, workers, disadvantaged } = command;
  if (disadvantaged > workers) {
    throw new RuleViolation(
      'disadvantaged_within_workers',
      `the disadvantaged (${disadvantaged}) are counted among the workers in force (${workers})`,
    );
  }
  const recorded = state[month];
  // The same figures again change nothing: a repeated PUT records no event.
  if (recorded && recorded.workers === workers && recorded.disadvantaged === disadvantaged)
    return [];
  return [{ type: 'WorkforceRecorded', data: { month, workers, disadvantaged } }];
}

export const workforceDecider: Decider<WorkforceState, WorkforceCommand, WorkforceEvent> = {
  initialState: () => ({}),
  evolve,
  decide,
};
