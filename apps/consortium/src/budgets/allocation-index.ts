import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  AllocationDecided,
  AllocationProposed,
  BUDGET_AGGREGATE,
  CONSORTIUM_STREAM_PREFIX,
  Currency,
} from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { qualifiedTable } from '@libs/database';
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

  @Column('text', { name: 'amount_unit', nullable: true })
  amountUnit!: Currency | null;

  /** Hundredths (`bigint` column: read back as a string). */
  @Column('bigint', { name: 'amount_hundredths', nullable: true })
  amountHundredths!: string | null;

  @Column('text', { nullable: true })
  outcome!: AllocationDecided['data']['outcome'] | null;

  /** When the board's vote decided it (the decision's event carries no day of its own). */
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}

/** The board's decisions on allocations over some days: how many, and the amounts, by outcome. */
export interface DecisionsTally {
  outcome: AllocationDecided['data']['outcome'];
  unit: Currency;
  decisions: number;
  /** Exact, in hundredths. */
  hundredths: bigint;
}

export const allocationIndexProjection = rowProjection<AllocationIndexRow>({
  name: 'allocation_index',
  // 2: the amount, the outcome and when it was decided, for the quarterly report.
  version: 2,
  filter: {
    streamPrefix: `${CONSORTIUM_STREAM_PREFIX}${BUDGET_AGGREGATE}/`,
    eventTypes: ['AllocationProposed', 'AllocationDecided'],
  },
  entity: AllocationIndexRow,
  key: (event) => (event.data as AllocationProposed['data']).allocationId,
  evolve: (row, recorded) => {
    const event = recorded as unknown as AllocationProposed | AllocationDecided;
    if (event.type === 'AllocationDecided') {
      return row ? { ...row, outcome: event.data.outcome, decidedAt: recorded.occurredAt } : null;
    }
    const { allocationId, periodId, beneficiaryCoopId, amount } = event.data;
    return {
      allocationId,
      periodId,
      beneficiaryCoopId,
      amountUnit: amount.unit,
      amountHundredths: String(amount.hundredths),
      outcome: null,
      decidedAt: null,
    };
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

  /** The allocations the board decided between two days (UTC, both included), by outcome and unit. */
  async decidedBetween(from: string, to: string): Promise<DecisionsTally[]> {
    const rows: {
      outcome: DecisionsTally['outcome'];
      unit: Currency;
      decisions: string;
      hundredths: string;
    }[] = await this.db.query(
      `SELECT outcome, amount_unit AS unit, count(*) AS decisions,
                sum(amount_hundredths::numeric) AS hundredths
           FROM ${qualifiedTable(this.db, 'allocation_index')}
          WHERE decided_at >= $1::date AND decided_at < $2::date + 1
          GROUP BY outcome, amount_unit
          ORDER BY outcome, amount_unit`,
      [from, to],
    );
    return rows.map((row) => ({
      outcome: row.outcome,
      unit: row.unit,
      decisions: Number(row.decisions),
      hundredths: BigInt(row.hundredths),
    }));
  }

  /** The allocation's period; waits for the index to catch up once, for a just-proposed one. */
  async periodOf(allocationId: string): Promise<string> {
    const find = () => this.db.getRepository(AllocationIndexRow).findOneBy({ allocationId });
    const row = (await find()) ?? (await this.runner.waitUntilCaughtUp(5_000).then(find));
    if (!row) throw new NotFound(`no allocation ${allocationId}`);
    return row.periodId;
  }
}
