import { TrainingEvent, TrainingOffered } from '@libs/contracts';
import { Decider, RuleViolation, StateConflict } from '@libs/aggregates';

export type TrainingCommand = { type: 'OfferTraining'; now: Date } & TrainingOffered['data'];

export type TrainingState = TrainingOffered['data'] | null;

export function evolve(_state: TrainingState, event: TrainingEvent): TrainingState {
  return event.data;
}

export function decide(command: TrainingCommand, state: TrainingState): TrainingEvent[] {
  if (state) throw new StateConflict(`training ${command.trainingId} is already offered`);
  // Other coops enrol before it starts: a training offered in the past could take nobody.
  if (Date.parse(command.startsAt) <= command.now.getTime()) {
    throw new RuleViolation('training_starts_in_the_future', 'startsAt must be in the future');
  }
  const { type: _type, now: _now, ...data } = command;
  return [{ type: 'TrainingOffered', data }];
}

export const trainingDecider: Decider<TrainingState, TrainingCommand, TrainingEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
