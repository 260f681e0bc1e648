import { ApiProperty } from '@nestjs/swagger';
import { MonthlyWorkforce, TypeBQuota } from '@libs/rules';
import { ISO_MONTH_PATTERN, MAX_LISTED } from '@libs/api-conventions';
import { WorkforceView } from './workforce.service';

class MonthlyWorkforceResponse implements MonthlyWorkforce {
  @ApiProperty({ pattern: ISO_MONTH_PATTERN, maxLength: 7 }) month!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  workers!: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  disadvantaged!: number;
}

class TypeBQuotaResponse implements TypeBQuota {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
    description: 'disadvantaged workers, summed over the months',
  })
  disadvantaged!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
    description: 'the workers the quota is a share of, summed',
  })
  base!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 12,
    description: 'months averaged',
  })
  months!: number;
}

/** The workforce month by month, and the type-B quota’s terms (`WorkforceView`). */
export class WorkforceResponse implements WorkforceView {
  @ApiProperty({ type: [MonthlyWorkforceResponse], maxItems: MAX_LISTED })
  months!: MonthlyWorkforceResponse[];
  @ApiProperty({
    type: TypeBQuotaResponse,
    nullable: true,
    description: 'over the twelve months ending with the last recorded; null: none recorded',
  })
  quota!: TypeBQuotaResponse | null;
}
