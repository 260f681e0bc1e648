import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsoMonth } from '@libs/api-conventions';

/** A bound far above any coop's headcount: a typo, not a workforce. */
const MAX_HEADCOUNT = 1_000_000;

export class RecordWorkforceDto {
  @ApiProperty({
    minimum: 0,
    maximum: MAX_HEADCOUNT,
    description:
      'workers in force that month, per head: worker members and employees who are not members; never volunteers',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADCOUNT)
  workers!: number;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_HEADCOUNT,
    description: 'of those workers, the disadvantaged persons (L. 381/1991 art. 4)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADCOUNT)
  disadvantaged!: number;
}

export class WorkforceMonthParam {
  @IsoMonth({ description: 'the month recorded, `YYYY-MM`' })
  month!: string;
}
