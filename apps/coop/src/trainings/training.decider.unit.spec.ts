import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { TrainingEvent, TrainingOffered } from '@libs/contracts';
import { TrainingCommand, trainingDecider } from './training.decider';

const now = new Date('2027-03-01T10:00:00.000Z');
const described: TrainingOffered['data'] = {
  trainingId: '00000000-0000-4000-8000-000000000001',
  title: 'Repairing cargo bikes',
  theme: 'mobility',
  startsAt: '2027-04-01T09:00:00.000Z',
  hours: 350,
  places: 10,
  price: { type: 'free' },
  language: 'it',
  offeredOn: '2027-03-01',
};
const offer = (startsAt = described.startsAt): TrainingCommand => ({
  type: 'OfferTraining',
  now,
  ...described,
  startsAt,
});
const offered: TrainingEvent = { type: 'TrainingOffered', data: described };

const training = DeciderSpecification.for(trainingDecider);

describe('a training a coop offers', () => {
  it('given nothing, when offered, then it is offered as described (the clock is not recorded)', () => {
    training.given().when(offer()).then([offered]);
  });

  it('given an offered training, when offered again, then it is refused', () => {
    training.given([offered]).when(offer()).thenThrows(StateConflict);
  });

  it('given nothing, when it would start now or earlier, then it is refused', () => {
    training
      .given()
      .when(offer(now.toISOString()))
      .thenThrows(RuleViolation, { rule: 'training_starts_in_the_future' });
  });
});
