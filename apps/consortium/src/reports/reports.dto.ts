import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { QUARTER_PATTERN } from './quarter';

export class QuarterParams {
  @Matches(new RegExp(QUARTER_PATTERN), {
    message: 'quarter must be a quarter as YYYY-Qn, n from 1 to 4 (such as 2027-Q1)',
  })
  @ApiProperty({ type: String, pattern: QUARTER_PATTERN, maxLength: 7, example: '2027-Q1' })
  quarter!: string;
}
