import { IncubationHistoryEvent, IncubationHistoryReceived } from '@libs/contracts';
import { Decider, StateConflict } from '@libs/aggregates';

export type IncubationHistory = IncubationHistoryReceived['data'];

export type IncubationHistoryCommand = {
  type: 'ReceiveIncubationHistory';
  history: IncubationHistory;
};

/** The coop's pre-history, once received: a coop was at most one project. */
export interface IncubationHistoryState {
  received: IncubationHistory | null;
}

export function evolve(
  _state: IncubationHistoryState,
  event: IncubationHistoryEvent,
): IncubationHistoryState {
  return { received: event.data };
}

/**
 * Received once. The same project's history again (a second import, or a bundle exported after
 * the consortium erased the project's contact, which this record never held) records nothing: the
 * consortium records nothing else about a project once it graduated. Another project's is refused.
 */
export function decide(
  command: IncubationHistoryCommand,
  state: IncubationHistoryState,
): IncubationHistoryEvent[] {
  const { history } = command;
  if (!state.received) return [{ type: 'IncubationHistoryReceived', data: history }];
  if (state.received.projectId === history.projectId) return [];
  throw new StateConflict(
    `the coop already holds the pre-history of project ${state.received.projectId}, ` +
      `not of ${history.projectId}`,
  );
}

export const incubationHistoryDecider: Decider<
  IncubationHistoryState,
  IncubationHistoryCommand,
  IncubationHistoryEvent
> = {
  initialState: () => ({ received: null }),
  evolve,
  decide,
};
