import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AllocationProposed, BUDGET_AGGREGATE, CONSORTIUM_STREAM_PREFIX } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { ProjectionRunner, rowProjection } from '@libs/projections';

/** Which budget period an allocation belongs to: votes name only the allocation. */
@Entity({ name: 'allocation_index' })
export class AllocationIndexRow {
  @PrimaryColumn('uuid', { name: 'allocation_id' })
  allocationId!: string;

  @Column('text', { name: 'period_id' })
  periodId!: string;

  @Column('text', { name: 'beneficiary_coop_id', nullable: true })
  beneficiaryCoopId!: string | null;
}

export const allocationIndexProjection = rowProjection<AllocationIndexRow>({
  name: 'allocation_index',
  version: 1,
  filter: {
    streamPrefix: `${CONSORTIUM_STREAM_PREFIX}${BUDGET_AGGREGATE}/`,
    eventTypes: ['AllocationProposed'],
  },
  entity: AllocationIndexRow,
  key: (event) => (event.data as AllocationProposed['data']).allocationId,
  evolve: (_row, event) => {
    const { allocationId, periodId, beneficiaryCoopId } = event.data as AllocationProposed['data'];
    return { allocationId, periodId, beneficiaryCoopId };
  },
});

@Injectable()
export class AllocationIndex {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: ProjectionRunner,
  ) {}

  /** Allocations proposed to a coop's benefit, with their periods. */
  toCoop(coopId: string): Promise<AllocationIndexRow[]> {
    return this.db.getRepository(AllocationIndexRow).findBy({ beneficiaryCoopId: coopId });
  }

  /** The allocation's period; waits for the index to catch up once, for a just-proposed one. */
  async periodOf(allocationId: string): Promise<string> {
    const find = () => this.db.getRepository(AllocationIndexRow).findOneBy({ allocationId });
    const row = (await find()) ?? (await this.runner.waitUntilCaughtUp(5_000).then(find));
    if (!row) throw new NotFound(`no allocation ${allocationId}`);
    return row.periodId;
  }
}
