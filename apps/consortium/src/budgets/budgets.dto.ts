import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  COOP_ID_MAX_LENGTH,
  COOP_ID_PATTERN,
  isCoopId,
  MAX_AMOUNT,
  THEMES,
  Theme,
  Vote,
} from '@libs/contracts';
import { IsoDay, IsSignedDecimalString, MoneyDto } from '@libs/api-conventions';
import { ValidateBy } from 'class-validator';

/** What the board may write: an allocation's title, the purpose of a closing's line. */
export const TITLE_MAX_LENGTH = 200;
export const CLOSING_PURPOSE_MAX_LENGTH = 200;
/** How many ways a closing may split what remains of a profit. */
export const MAX_CLOSING_LINES = 50;

/** A budget period's id: a year, or any short slug for another period. */
const PERIOD_ID = { maxLength: 31, pattern: '^[a-z0-9][a-z0-9-]{0,30}$' };

export class OpenBudgetDto {
  @ApiProperty({
    example: '2027',
    description: 'a year, or any short slug for another period',
    ...PERIOD_ID,
  })
  @Matches(new RegExp(PERIOD_ID.pattern), {
    message: 'periodId must be a short lowercase slug such as 2027',
  })
  periodId!: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'default: 1 January of the year periodId names' })
  startsOn?: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'default: 31 December of the year periodId names' })
  endsOn?: string;
}

export class ProposeAllocationDto {
  @ApiProperty({ maxLength: TITLE_MAX_LENGTH, example: 'Shared accounting service' })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  purpose!: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional({
    example: 'velo-solidaire',
    maxLength: COOP_ID_MAX_LENGTH,
    pattern: COOP_ID_PATTERN,
  })
  @IsOptional()
  @ValidateBy({
    name: 'isCoopId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCoopId(value),
      defaultMessage: () => 'beneficiaryCoopId must be a coop id (a lowercase slug)',
    },
  })
  beneficiaryCoopId?: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  allocationId?: string;
}

export class VoteDto {
  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  @IsIn(['for', 'against', 'abstain'])
  vote!: Vote;
}

export class ClosingLineDto {
  @ApiProperty({ maxLength: CLOSING_PURPOSE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(CLOSING_PURPOSE_MAX_LENGTH)
  purpose!: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({
    description:
      'a reserve never distributed (a SCIC’s statutory reserves count toward its 57.5%); default false',
  })
  @IsOptional()
  @IsBoolean()
  indivisible?: boolean;
}

export class SignedMoneyDto {
  @ApiProperty({
    example: '-1200.00',
    description: `a decimal string, negative for a loss; at most ${MAX_AMOUNT} either way`,
    maxLength: 16,
  })
  @IsSignedDecimalString()
  amount!: string;

  @ApiProperty({ enum: ['EUR'] })
  @IsIn(['EUR'])
  currency!: 'EUR';
}

export class CloseBudgetDto {
  @ApiProperty({ type: SignedMoneyDto, description: 'the year’s net result (negative: a loss)' })
  @IsObject()
  @ValidateNested()
  @Type(() => SignedMoneyDto)
  netResult!: SignedMoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description:
      'at least 30% of a profit for an Italian consorzio, 15% for a French SCIC; default exactly that',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  legalReserve?: MoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description:
      'dividends to the member coops (EUR); for an Italian consorzio within the c.c. 2514 cap on the paid-up capital; default none',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  dividends?: MoneyDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'the consortium’s paid-up capital (EUR), the base of the dividend cap; default 0',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  paidUpCapital?: MoneyDto;

  @ApiPropertyOptional({
    maxItems: MAX_CLOSING_LINES,
    type: [ClosingLineDto],
    description: 'how the rest is allocated; default: all of it to an indivisible reserve',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CLOSING_LINES)
  @ValidateNested({ each: true })
  @Type(() => ClosingLineDto)
  remainder?: ClosingLineDto[];

  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  closedOn?: string;
}

export class AllocationIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  allocationId!: string;
}

export class BudgetPeriodItem {
  @ApiProperty({ example: '2027', ...PERIOD_ID })
  periodId!: string;

  @ApiProperty({ format: 'date', maxLength: 10 })
  startsOn!: string;

  @ApiProperty({ format: 'date', maxLength: 10 })
  endsOn!: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: 'open' | 'closed';
}

export class BudgetPeriodList {
  @ApiProperty({ type: [BudgetPeriodItem], maxItems: 1000 })
  items!: BudgetPeriodItem[];
}

export class AsOfQuery {
  @IsOptional()
  @IsoDay({
    required: false,
    description: 'read the cash as recorded up to this day; default today',
  })
  asOf?: string;
}
