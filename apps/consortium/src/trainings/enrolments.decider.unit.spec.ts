import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { TrainingEnrolmentEvent } from '@libs/contracts';
import { EnrolmentCommand, enrolmentsDecider } from './enrolments.decider';

const T1 = '00000000-0000-4000-8000-000000000001';
const training = {
  trainingId: T1,
  providerCoopId: 'velo-solidaire',
  places: 10,
  hours: 350,
  theme: 'mobility' as const,
  month: '2027-04',
};
const enrolmentId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const enrol = (
  n: number,
  participants: number,
  enrollingCoopId = 'habitat-partage',
): EnrolmentCommand => ({
  type: 'Enrol',
  training,
  enrolmentId: enrolmentId(n),
  enrollingCoopId,
  participants,
  enrolledOn: '2027-03-02',
});
const enrolled = (n: number, participants: number): TrainingEnrolmentEvent => ({
  type: 'ParticipantsEnrolled',
  data: {
    trainingId: T1,
    enrolmentId: enrolmentId(n),
    providerCoopId: 'velo-solidaire',
    enrollingCoopId: 'habitat-partage',
    participants,
    hours: 350,
    theme: 'mobility',
    month: '2027-04',
    enrolledOn: '2027-03-02',
  },
});

const enrolments = DeciderSpecification.for(enrolmentsDecider);

describe('enrolments in a training', () => {
  it('given 7 places taken, when 3 more are asked, then they are enrolled with the hours given', () => {
    enrolments
      .given([enrolled(1, 7)])
      .when(enrol(2, 3))
      .then([enrolled(2, 3)]);
  });

  it('given 8 places taken, when 3 are asked, then it is refused: training_full', () => {
    enrolments
      .given([enrolled(1, 8)])
      .when(enrol(2, 3))
      .thenThrows(RuleViolation, { rule: 'training_full', message: '2 places left, 3 asked' });
  });

  it('given nothing, when the offering coop enrols its own people, then it is refused: own_training', () => {
    enrolments
      .given()
      .when(enrol(1, 1, 'velo-solidaire'))
      .thenThrows(RuleViolation, { rule: 'own_training' });
  });

  it('given an enrolment, when the same enrolment is sent again, then it is a conflict', () => {
    enrolments
      .given([enrolled(1, 1)])
      .when(enrol(1, 1))
      .thenThrows(StateConflict, { message: /already recorded/ });
  });
});
