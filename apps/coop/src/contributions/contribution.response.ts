import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTRIBUTION_KINDS,
  ContributionKind,
  Pillar,
  PILLARS,
  Theme,
  THEMES,
} from '@libs/contracts';
import { ISO_MONTH_PATTERN, MoneySumSchema } from '@libs/api-conventions';
import { ContributionStatus } from './contribution.decider';
import { ContributionView } from './contribution.view';

class HoursResponse {
  @ApiProperty({ maxLength: 32, pattern: '^[0-9]+\\.[0-9]{2}$', example: '3.50' }) hours!: string;
}

/** A contribution as the API shows it (`ContributionView`): `amount` for money, `time` for hours. */
export class ContributionResponse implements ContributionView {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) contributionId!: string;
  @ApiProperty({ enum: Object.keys(CONTRIBUTION_KINDS) }) kind!: ContributionKind;
  @ApiProperty({ enum: PILLARS }) pillar!: Pillar;
  @ApiPropertyOptional({ type: MoneySumSchema }) amount?: MoneySumSchema;
  @ApiPropertyOptional({ type: HoursResponse }) time?: HoursResponse;
  @ApiProperty({ pattern: ISO_MONTH_PATTERN, maxLength: 7 }) period!: string;
  @ApiProperty({ enum: THEMES }) theme!: Theme;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) source!: string | null;
  @ApiProperty({ enum: ['pledged', 'paid', 'cancelled'] }) status!: ContributionStatus;
  @ApiProperty({ format: 'date', maxLength: 10 }) recordedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, maxLength: 10 })
  paidOn!: string | null;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2_147_483_647,
    description: 'the pledge’s version, also its ETag',
  })
  version!: number;
}
