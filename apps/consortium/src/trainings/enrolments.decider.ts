import { ParticipantsEnrolled, Theme, TrainingEnrolmentEvent } from '@libs/contracts';
import { Decider, RuleViolation, StateConflict } from '@libs/aggregates';

/** What the enrolment decides on: the training as its coop offered it. */
export interface TrainingTerms {
  trainingId: string;
  providerCoopId: string;
  places: number;
  /** Hours per participant, in hundredths. */
  hours: number;
  theme: Theme;
  /** The month the training starts. */
  month: string;
}

export type EnrolmentCommand = {
  type: 'Enrol';
  training: TrainingTerms;
  enrolmentId: string;
  enrollingCoopId: string;
  participants: number;
  enrolledOn: string;
};

/** One training's places as taken so far. */
export interface EnrolmentsState {
  enrolled: number;
  enrolmentIds: ReadonlySet<string>;
}

export function evolve(state: EnrolmentsState, event: TrainingEnrolmentEvent): EnrolmentsState {
  return {
    enrolled: state.enrolled + event.data.participants,
    enrolmentIds: new Set(state.enrolmentIds).add(event.data.enrolmentId),
  };
}

/** Never more participants than places; never in a training of one's own coop. */
export function decide(command: EnrolmentCommand, state: EnrolmentsState): ParticipantsEnrolled[] {
  const { training, enrollingCoopId, participants } = command;
  if (enrollingCoopId === training.providerCoopId) {
    throw new RuleViolation('own_training', 'a coop does not enrol in a training it offers');
  }
  if (state.enrolmentIds.has(command.enrolmentId)) {
    throw new StateConflict(`enrolment ${command.enrolmentId} is already recorded`);
  }
  const left = training.places - state.enrolled;
  if (participants > left) {
    throw new RuleViolation(
      'training_full',
      `${left} place${left === 1 ? '' : 's'} left, ${participants} asked`,
    );
  }
  return [
    {
      type: 'ParticipantsEnrolled',
      data: {
        trainingId: training.trainingId,
        enrolmentId: command.enrolmentId,
        providerCoopId: training.providerCoopId,
        enrollingCoopId,
        participants,
        hours: training.hours,
        theme: training.theme,
        month: training.month,
        enrolledOn: command.enrolledOn,
      },
    },
  ];
}

export const enrolmentsDecider: Decider<EnrolmentsState, EnrolmentCommand, TrainingEnrolmentEvent> =
  {
    initialState: () => ({ enrolled: 0, enrolmentIds: new Set() }),
    evolve,
    decide,
  };
