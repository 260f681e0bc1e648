import { ApiProperty } from '@nestjs/swagger';
import { Indicator, IndicatorRule } from '@libs/rules';

/** One rule's indicator as the API shows it (a coop's summary, the consortium's compliance). */
export class IndicatorResponse implements Indicator {
  @ApiProperty({
    type: String,
    maxLength: 100,
    pattern: '^[a-z0-9_]+$',
    example: 'volunteers_at_most_half',
  })
  rule!: IndicatorRule;

  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 32,
    description:
      'the ratio observed with 4 decimals ("0.3333"), or the count; null when undefined (0/0)',
  })
  value!: string | null;

  @ApiProperty({ maxLength: 32 })
  threshold!: string;

  @ApiProperty({ enum: ['ok', 'alert'] })
  status!: 'ok' | 'alert';

  @ApiProperty({ maxLength: 500, description: 'the legal source of the rule' })
  source!: string;
}
