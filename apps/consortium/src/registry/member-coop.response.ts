import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_FORMS, LegalForm, MemberCategory, Theme, THEMES } from '@libs/contracts';
import { MoneySumSchema, MAX_LISTED } from '@libs/api-conventions';
import { TotalLineSchema } from '../pooled-means';
import { ProjectSummaryResponse } from '../projects';
import { COOP_STATUSES, CoopStatus } from './member-coop';
import { MemberCoopView } from './member-coop.view';
import { SettlementView } from './settlement.service';

const DAY = { type: String, format: 'date', maxLength: 10 } as const;
const COOP_ID = { maxLength: 100, example: 'velo-solidaire' } as const;

class AdmissionOverrideResponse {
  @ApiProperty({ maxLength: 100 }) rule!: string;
  @ApiProperty({ maxLength: 500 }) reason!: string;
  @ApiProperty({ maxLength: 255, description: 'the board member who admitted the coop' })
  by!: string;
}

class CoopMembersResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
  })
  byCategory!: Record<MemberCategory, number>;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  disadvantagedWorkers!: number;
}

class CoopCapitalResponse {
  @ApiProperty() subscribed!: MoneySumSchema;
  @ApiProperty() paid!: MoneySumSchema;
}

/** A member coop as the registry shows it (`MemberCoopView`). */
export class MemberCoopResponse implements MemberCoopView {
  @ApiProperty(COOP_ID) coopId!: string;
  @ApiProperty({ enum: COOP_STATUSES }) status!: CoopStatus;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) name!: string | null;
  @ApiProperty({ enum: LEGAL_FORMS, nullable: true }) legalForm!: LegalForm | null;
  @ApiProperty({ enum: THEMES, isArray: true, maxItems: THEMES.length }) themes!: Theme[];
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) territory!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) appliedOn!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) admittedOn!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) withdrawalRequestedOn!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) withdrawnOn!: string | null;
  @ApiProperty({
    type: AdmissionOverrideResponse,
    nullable: true,
    description: 'the rule the board overrode at admission, and why',
  })
  admissionOverride!: AdmissionOverrideResponse | null;
  @ApiProperty({ description: 'active members' }) members!: CoopMembersResponse;
  @ApiProperty({ description: 'share capital of the active members' })
  capital!: CoopCapitalResponse;
  @ApiProperty({
    type: [TotalLineSchema],
    maxItems: MAX_LISTED,
    description: 'contributions to date, one line per unit',
  })
  contributions!: TotalLineSchema[];
}

/** One member coop, with its pre-history when the consortium incubated it. */
export class MemberCoopDetailResponse extends MemberCoopResponse {
  @ApiProperty({ type: ProjectSummaryResponse, nullable: true })
  incubation!: ProjectSummaryResponse | null;
}

export class AdmissionResponse {
  @ApiProperty(COOP_ID) coopId!: string;
  @ApiProperty({ enum: ['admitted'] }) status!: 'admitted';
}

class OpenAllocationResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) allocationId!: string;
  @ApiProperty({ maxLength: 100 }) periodId!: string;
  @ApiProperty({ enum: ['proposed', 'approved'] }) status!: string;
}

/** A settled withdrawal (`SettlementView`). */
export class SettlementResponse implements SettlementView {
  @ApiProperty(COOP_ID) coopId!: string;
  @ApiProperty({ enum: ['withdrawn'] }) status!: 'withdrawn';
  @ApiProperty(DAY) settledOn!: string;
  @ApiProperty() capitalOwed!: MoneySumSchema;
  @ApiProperty(DAY) dueOn!: string;
  @ApiProperty({ ...DAY, description: 'the close of the exit year (c.c. 2532)' }) leavesOn!: string;
  @ApiProperty({ description: 'the coop’s share of a loss, deducted (c.c. 2535)' })
  lossDeducted!: MoneySumSchema;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', maxLength: 36, maxItems: MAX_LISTED })
  cancelledPledges!: string[];
  @ApiProperty({ type: String, isArray: true, format: 'uuid', maxLength: 36, maxItems: MAX_LISTED })
  withdrawnResources!: string[];
  @ApiProperty({ type: [OpenAllocationResponse], maxItems: MAX_LISTED })
  openAllocations!: OpenAllocationResponse[];
}
