import { ReadSide } from '@libs/projections';
import { OfferedTrainings1765418000001 } from './migrations/1765418000001-offered-trainings';
import { OfferedTrainingRow } from './offered-training.entity';
import { offeredTrainingsProjection } from './offered-trainings.projection';

export const TRAININGS_READ_SIDE: ReadSide = {
  entities: [OfferedTrainingRow],
  migrations: [OfferedTrainings1765418000001],
  projections: () => [offeredTrainingsProjection],
};
