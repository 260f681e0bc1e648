import {
  ApiProperty,
  ApiPropertyOptions,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_AMOUNT, Theme, THEMES } from '@libs/contracts';
import { IsDecimalString, MoneyDto } from '@libs/api-conventions';

export const MAX_PLACES = 10_000;

/** `{ "hours": "2" }`: the price in exchange hours. */
export class HoursPriceDto {
  @ApiProperty({ example: '2', maxLength: 15, description: `hours, at most ${MAX_AMOUNT}` })
  @IsDecimalString()
  hours!: string;
}

export class OfferTrainingDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Repairing cargo bikes' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: THEMES })
  @IsIn(THEMES)
  theme!: Theme;

  @ApiProperty({ format: 'date-time', example: '2027-04-01T09:00:00Z', maxLength: 40 })
  @IsDateString({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ example: '3.5', maxLength: 15, description: 'hours per participant' })
  @IsDecimalString()
  hours!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_PLACES, example: 10, type: 'integer', format: 'int32' })
  @IsInt()
  @Min(1)
  @Max(MAX_PLACES)
  places!: number;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description:
      'money (`{ "amount", "currency" }`), exchange hours (`{ "hours" }`), or null: free',
    oneOf: [{ $ref: getSchemaPath(MoneyDto) }, { $ref: getSchemaPath(HoursPriceDto) }],
  } as ApiPropertyOptions)
  @ValidateIf((dto: OfferTrainingDto) => dto.price !== null)
  @IsDefined({ message: 'price is required: money, { "hours" }, or null for free' })
  @IsObject()
  @ValidateNested()
  // Which price it is shows in its members: `hours`, or a money amount.
  @Type((help) => {
    const price = (help?.object as { price?: unknown } | undefined)?.price;
    return typeof price === 'object' && price !== null && 'hours' in price
      ? HoursPriceDto
      : MoneyDto;
  })
  price!: MoneyDto | HoursPriceDto | null;

  @ApiProperty({ example: 'it', maxLength: 35, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a language tag such as fr, it or en',
  })
  @MaxLength(35)
  language!: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  trainingId?: string;
}

export class TrainingIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  trainingId!: string;
}
