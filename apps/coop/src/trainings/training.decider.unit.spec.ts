import { RuleViolation, StateConflict } from '@libs/aggregates';
import { TrainingEvent } from '@libs/contracts';
import { decide, TrainingCommand, trainingDecider } from './training.decider';

const T1 = '00000000-0000-4000-8000-000000000001';
const now = new Date('2027-03-01T10:00:00.000Z');
const offer = (startsAt = '2027-04-01T09:00:00.000Z'): TrainingCommand => ({
  type: 'OfferTraining',
  now,
  trainingId: T1,
  title: 'Repairing cargo bikes',
  theme: 'mobility',
  startsAt,
  hours: 350,
  places: 10,
  price: { type: 'free' },
  language: 'it',
  offeredOn: '2027-03-01',
});
const given = (...events: TrainingEvent[]) =>
  events.reduce(trainingDecider.evolve, trainingDecider.initialState());

describe('a training a coop offers', () => {
  it('given nothing, when offered, then it is offered as described', () => {
    expect(decide(offer(), given())).toEqual([
      {
        type: 'TrainingOffered',
        data: expect.objectContaining({ trainingId: T1, hours: 350, places: 10, language: 'it' }),
      },
    ]);
    expect(decide(offer(), given())[0].data).not.toHaveProperty('now');
  });

  it('given an offered training, when offered again, then it is refused', () => {
    const [offered] = decide(offer(), given());
    expect(() => decide(offer(), given(offered))).toThrow(StateConflict);
  });

  it('given nothing, when it would start now or earlier, then it is refused', () => {
    expect(() => decide(offer(now.toISOString()), given())).toThrow(
      expect.objectContaining({ rule: 'training_starts_in_the_future' }) as RuleViolation,
    );
  });
});
