import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Currency } from '@libs/contracts';
import { bigintAsNumber } from '@libs/database';

export type AllocationStatus = 'proposed' | 'approved' | 'rejected';

/** `consortium_allocations`: allocations of pooled money to this coop, as the board decided them. */
@Entity({ name: 'consortium_allocations' })
export class ConsortiumAllocationRow {
  @PrimaryColumn('uuid', { name: 'allocation_id' })
  allocationId!: string;

  @Column('text', { name: 'period_id' })
  periodId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  currency!: Currency;

  /** Hundredths of `currency`, at most `MAX_AMOUNT`. */
  @Column('numeric', { transformer: bigintAsNumber })
  amount!: number;

  @Column('text')
  status!: AllocationStatus;

  /** Paid out on it so far, in hundredths: never beyond `amount` (the consortium refuses more). */
  @Column('numeric', { transformer: bigintAsNumber })
  disbursed!: number;

  /** The proposal's position in the log: allocations are listed in the order they were proposed. */
  @Column('bigint', { name: 'proposed_at', transformer: bigintAsNumber })
  proposedAt!: number;
}
