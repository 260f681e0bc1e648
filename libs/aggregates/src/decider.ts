import { DomainEvent } from '@libs/contracts';

/**
 * An aggregate's behaviour as two pure functions (the "decider" pattern):
 * `decide` turns a command and the current state into new events, or refuses with a DomainError;
 * `evolve` folds one event into the state. No I/O: the repository loads and appends around them.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
