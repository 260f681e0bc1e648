import { rowProjection } from '@libs/projections';
import {
  evolveOfferedTraining,
  OFFERED_TRAINING_EVENT_TYPES,
  offeredTrainingOf,
} from './offered-training';
import { OfferedTrainingRow } from './offered-training.entity';

/** `offered_trainings` from the coops' training streams and the consortium's enrolments. */
export const offeredTrainingsProjection = rowProjection<OfferedTrainingRow>({
  name: 'offered_trainings',
  version: 1,
  eventTypes: [...OFFERED_TRAINING_EVENT_TYPES],
  entity: OfferedTrainingRow,
  key: offeredTrainingOf,
  evolve: evolveOfferedTraining,
});
