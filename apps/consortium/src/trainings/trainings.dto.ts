import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Currency, CURRENCIES, Theme, THEMES } from '@libs/contracts';
import { MAX_PAGE_SIZE, PageQuery } from '@libs/api-conventions';

export const MAX_PARTICIPANTS = 10_000;

export class TrainingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    description: 'only trainings starting at or after this instant (or day)',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  @MaxLength(40)
  from?: string;
}

export class EnrolDto {
  @ApiProperty({
    minimum: 1,
    maximum: MAX_PARTICIPANTS,
    example: 3,
    type: 'integer',
    format: 'int32',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PARTICIPANTS)
  participants!: number;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  enrolmentId?: string;
}

export class EnrolmentIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  enrolmentId!: string;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: MAX_PARTICIPANTS,
    description: 'places left after this enrolment',
  })
  placesLeft!: number;
}

export class TrainingPriceSchema {
  @ApiPropertyOptional({
    example: '15.00',
    maxLength: 16,
    description: 'money: an exact decimal string',
  })
  amount?: string;

  @ApiPropertyOptional({ enum: CURRENCIES })
  currency?: Currency;

  @ApiPropertyOptional({ example: '2.00', maxLength: 16, description: 'exchange hours' })
  hours?: string;
}

export class TrainingResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) trainingId!: string;
  @ApiProperty({ example: 'velo-solidaire', maxLength: 63, description: 'the coop that offers it' })
  coopId!: string;
  @ApiProperty({ maxLength: 200 }) title!: string;
  @ApiProperty({ enum: THEMES }) theme!: Theme;
  @ApiProperty({ format: 'date-time', maxLength: 24 }) startsAt!: string;
  @ApiProperty({ example: '3.50', maxLength: 16, description: 'hours per participant' })
  hours!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PARTICIPANTS })
  places!: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: MAX_PARTICIPANTS })
  placesLeft!: number;
  @ApiProperty({
    type: TrainingPriceSchema,
    nullable: true,
    description: 'money, exchange hours, or null: free',
  })
  price!: TrainingPriceSchema | null;
  @ApiProperty({ example: 'it', maxLength: 35 }) language!: string;
  @ApiProperty({ format: 'date', maxLength: 10 }) offeredOn!: string;
}

export class TrainingPage {
  @ApiProperty({ type: [TrainingResponse], maxItems: MAX_PAGE_SIZE })
  items!: TrainingResponse[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 400 })
  nextCursor!: string | null;
}
