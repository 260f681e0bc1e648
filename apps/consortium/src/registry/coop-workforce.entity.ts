import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CoopWorkforceMonth } from './coop-workforce';

/** `coop_workforce`: each coop's workforce by month, for the type-B quota of the compliance report. */
@Entity({ name: 'coop_workforce' })
export class CoopWorkforceRow implements CoopWorkforceMonth {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'coop_id' })
  coopId!: string;

  @Column('text')
  month!: string;

  @Column('integer')
  workers!: number;

  @Column('integer')
  disadvantaged!: number;
}
