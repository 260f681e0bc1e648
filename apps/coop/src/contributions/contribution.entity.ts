import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ContributionKind, Pillar, Theme, Unit } from '@libs/contracts';
import { bigintAsNumber } from '@libs/database';
import { ContributionStatus } from './contribution.decider';

/** The coop's contributions to the pooled fund, as recorded and paid. */
@Entity({ name: 'contributions' })
export class ContributionRow {
  @PrimaryColumn('uuid', { name: 'contribution_id' })
  contributionId!: string;

  @Column('text')
  kind!: ContributionKind;

  @Column('text')
  pillar!: Pillar;

  @Column('text')
  unit!: Unit;

  /** One amount, at most `MAX_AMOUNT`: `numeric` as every money column, read as a number. */
  @Column('numeric', { transformer: bigintAsNumber })
  hundredths!: number;

  @Column('text')
  period!: string;

  @Column('text')
  theme!: Theme;

  @Column('text', { nullable: true })
  source!: string | null;

  @Column('text')
  status!: ContributionStatus;

  @Column('date', { name: 'recorded_on' })
  recordedOn!: string;

  @Column('date', { name: 'paid_on', nullable: true })
  paidOn!: string | null;

  @Column('int')
  version!: number;
}
