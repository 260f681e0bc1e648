import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { IndicatorResponse, MoneySumSchema, MAX_LISTED } from '@libs/api-conventions';
import { MemberView } from './member.view';
import { MembershipSummary } from './members.queries';

class MemberSharesResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  count!: number;
  @ApiProperty() subscribed!: MoneySumSchema;
  @ApiProperty() paid!: MoneySumSchema;
  @ApiProperty() reimbursed!: MoneySumSchema;
}

class MemberExitResponse {
  @ApiProperty({ format: 'date', maxLength: 10 }) effectiveOn!: string;
  @ApiProperty({ format: 'date', maxLength: 10 }) reimbursementDueOn!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'in clear while the member’s key lives; null once erased',
  })
  reason!: string | null;
}

/** A member as the API shows it (`MemberView`). */
export class MemberResponse implements MemberView {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) memberId!: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) category!: MemberCategory;
  @ApiProperty() disadvantaged!: boolean;
  @ApiProperty({ enum: ['active', 'withdrawn', 'excluded'] })
  status!: 'active' | 'withdrawn' | 'excluded';
  @ApiProperty({ format: 'date', maxLength: 10 }) admittedOn!: string;
  @ApiProperty({ description: 'enrolled for at least 90 days and still a member (c.c. art. 2538)' })
  mayVote!: boolean;
  @ApiProperty() shares!: MemberSharesResponse;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) displayName!: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 254 }) email!: string | null;
  @ApiProperty({ type: MemberExitResponse, nullable: true }) exit!: MemberExitResponse | null;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2_147_483_647,
    description:
      'the member’s version, also its ETag: send it back in If-Match to change the member',
  })
  version!: number;
}

class MemberCountsResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  total!: number;
  @ApiProperty({
    type: 'object',
    description: 'active members per category',
    additionalProperties: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
  })
  byCategory!: Record<MemberCategory, number>;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  mayVote!: number;
}

class CapitalResponse {
  @ApiProperty() subscribed!: MoneySumSchema;
  @ApiProperty() paid!: MoneySumSchema;
  @ApiProperty() reimbursed!: MoneySumSchema;
}

/** Counts by category, capital, and the rule indicators (`MembershipSummary`). */
export class MembershipSummaryResponse implements MembershipSummary {
  @ApiProperty() members!: MemberCountsResponse;
  @ApiProperty() capital!: CapitalResponse;
  @ApiProperty({ type: [IndicatorResponse], maxItems: MAX_LISTED })
  indicators!: IndicatorResponse[];
}
