import { TrainingEnrolmentEvent } from '@libs/contracts';
import { decide, EnrolmentCommand, enrolmentsDecider } from './enrolments.decider';

const T1 = '00000000-0000-4000-8000-000000000001';
const training = {
  trainingId: T1,
  providerCoopId: 'velo-solidaire',
  places: 10,
  hours: 350,
  theme: 'mobility' as const,
  month: '2027-04',
};
let next = 0;
const enrol = (participants: number, enrollingCoopId = 'habitat-partage'): EnrolmentCommand => ({
  type: 'Enrol',
  training,
  enrolmentId: `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  enrollingCoopId,
  participants,
  enrolledOn: '2027-03-02',
});
const given = (...commands: EnrolmentCommand[]) => {
  const events: TrainingEnrolmentEvent[] = [];
  let state = enrolmentsDecider.initialState();
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = enrolmentsDecider.evolve(state, event);
    }
  }
  return state;
};

describe('enrolments in a training', () => {
  it('given 7 places taken, when 3 more are asked, then they are enrolled with the hours given', () => {
    const [event] = decide(enrol(3), given(enrol(7)));
    expect(event).toEqual({
      type: 'ParticipantsEnrolled',
      data: expect.objectContaining({
        trainingId: T1,
        providerCoopId: 'velo-solidaire',
        enrollingCoopId: 'habitat-partage',
        participants: 3,
        hours: 350,
        theme: 'mobility',
        month: '2027-04',
      }),
    });
  });

  it('given 8 places taken, when 3 are asked, then it is refused: training_full', () => {
    expect(() => decide(enrol(3), given(enrol(8)))).toThrow(
      expect.objectContaining({ rule: 'training_full', message: '2 places left, 3 asked' }),
    );
  });

  it('given nothing, when the offering coop enrols its own people, then it is refused: own_training', () => {
    expect(() => decide(enrol(1, 'velo-solidaire'), given())).toThrow(
      expect.objectContaining({ rule: 'own_training' }),
    );
  });

  it('given an enrolment, when the same enrolment is sent again, then it is a conflict', () => {
    const first = enrol(1);
    expect(() => decide(first, given(first))).toThrow(/already recorded/);
  });
});
