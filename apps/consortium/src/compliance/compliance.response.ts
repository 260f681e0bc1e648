import { ApiProperty } from '@nestjs/swagger';
import { IndicatorResponse, MAX_LISTED } from '@libs/api-conventions';
import { ComplianceReport } from './compliance';

class CoopComplianceResponse {
  @ApiProperty({ maxLength: 100 }) coopId!: string;
  @ApiProperty({ type: [IndicatorResponse], maxItems: MAX_LISTED })
  indicators!: IndicatorResponse[];
}

/** The model's indicators, alerts first (`ComplianceReport`). */
export class ComplianceResponse implements ComplianceReport {
  @ApiProperty({ type: [IndicatorResponse], maxItems: MAX_LISTED })
  consortium!: IndicatorResponse[];
  @ApiProperty({ type: [CoopComplianceResponse], maxItems: MAX_LISTED })
  coops!: CoopComplianceResponse[];
}
