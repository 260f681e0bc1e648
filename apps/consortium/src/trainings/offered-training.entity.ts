import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Theme, TrainingPrice } from '@libs/contracts';
import { OfferedTraining } from './offered-training';

/** `offered_trainings`: every coop's trainings, as `evolveOfferedTraining` folds them. */
@Entity({ name: 'offered_trainings' })
export class OfferedTrainingRow implements OfferedTraining {
  @PrimaryColumn('text', { name: 'stream_id' })
  streamId!: string;

  @Column('uuid', { name: 'training_id' })
  trainingId!: string;

  @Column('text', { name: 'coop_id' })
  coopId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  theme!: Theme;

  @Column('text', { name: 'starts_at' })
  startsAt!: string;

  @Column('bigint')
  hours!: string;

  @Column('int')
  places!: number;

  @Column('int')
  enrolled!: number;

  @Column('jsonb')
  price!: TrainingPrice;

  @Column('text')
  language!: string;

  @Column('date', { name: 'offered_on' })
  offeredOn!: string;
}
