import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '@libs/api-conventions';
import { CONSORTIUM_STATUSES, ConsortiumStatus } from './consortium-status';
import { AllocationStatus } from './consortium-allocation.entity';

/**
 * Allocations to one coop. Not enforced: the board grants a coop a few a year; this is far above.
 */
const MAX_ALLOCATIONS = 10_000;

export class ConsortiumAllocationResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  allocationId!: string;

  @ApiProperty({
    example: '2027',
    maxLength: 31,
    pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
    description: 'the budget period it is in',
  })
  periodId!: string;

  @ApiProperty({ maxLength: 200, example: 'Shared accounting service' })
  title!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyDto;

  @ApiProperty({ enum: ['proposed', 'approved', 'rejected'] })
  status!: AllocationStatus;

  @ApiProperty({ type: MoneyDto, description: 'paid out on it so far' })
  disbursed!: MoneyDto;
}

export class SettlementResponse {
  @ApiProperty({ format: 'date', maxLength: 10 })
  settledOn!: string;

  @ApiProperty({ type: MoneyDto, description: 'the capital the consortium owes back' })
  capitalOwed!: MoneyDto;

  @ApiProperty({ type: MoneyDto, description: 'the coop’s share of a loss, deducted from it' })
  lossDeducted!: MoneyDto;

  @ApiProperty({
    format: 'date',
    maxLength: 10,
    description: '180 days after the approval of the accounts of the year of leaving',
  })
  dueOn!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    maxLength: 10,
    nullable: true,
    description: 'the close of the year the coop leaves at; null in older settlements',
  })
  leavesOn!: string | null;
}

/** What the consortium decided about this coop (`GET /consortium`). */
export class ConsortiumResponse {
  @ApiProperty({
    enum: CONSORTIUM_STATUSES,
    description:
      'applicant once the coop applied, admitted by the board, withdrawing from the coop’s notice, withdrawn once the board settled',
  })
  status!: ConsortiumStatus;

  @ApiProperty({ type: String, format: 'date', maxLength: 10, nullable: true })
  admittedOn!: string | null;

  @ApiProperty({
    type: [ConsortiumAllocationResponse],
    maxItems: MAX_ALLOCATIONS,
    description: 'allocations of pooled money to the coop, in the order they were proposed',
  })
  allocations!: ConsortiumAllocationResponse[];

  @ApiProperty({
    type: SettlementResponse,
    nullable: true,
    description: 'once the board settled the coop’s leaving',
  })
  settlement!: SettlementResponse | null;
}

export type ConsortiumView = ConsortiumResponse;
