import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@libs/database';

/**
 * `consortium_standing`: what the board decided about this coop's membership, one row once it
 * admitted it: the admission, and the settlement when the coop left.
 */
@Entity({ name: 'consortium_standing' })
export class ConsortiumStandingRow {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId!: string;

  @Column('date', { name: 'admitted_on', nullable: true })
  admittedOn!: string | null;

  @Column('date', { name: 'settled_on', nullable: true })
  settledOn!: string | null;

  /** EUR hundredths the consortium owes back (capital, less a loss share). */
  @Column('numeric', { name: 'capital_owed', nullable: true, transformer: bigintAsNumber })
  capitalOwed!: number | null;

  @Column('numeric', { name: 'loss_deducted', nullable: true, transformer: bigintAsNumber })
  lossDeducted!: number | null;

  @Column('date', { name: 'due_on', nullable: true })
  dueOn!: string | null;

  /** The year at whose close the coop leaves; null in settlements recorded before it was. */
  @Column('int', { name: 'exit_year', nullable: true })
  exitYear!: number | null;
}
