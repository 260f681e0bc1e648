import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { isCoopId, MAX_AMOUNT, THEMES, Theme, Vote } from '@libs/contracts';
import { IsoDay, IsSignedDecimalString, MoneyDto } from '@libs/api-conventions';
import { ValidateBy } from 'class-validator';

export class OpenBudgetDto {
  @ApiProperty({
    example: '2027',
    description: 'a year, or any short slug for another period',
    maxLength: 31,
    pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,30}$/, {
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
  @ApiProperty({ maxLength: 200, example: 'Shared accounting service' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
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

  @ApiPropertyOptional({ example: 'velo-solidaire', maxLength: 63 })
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
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  purpose!: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;
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
    description: 'at least 30% of a profit; default exactly 30%',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  legalReserve?: MoneyDto;

  @ApiPropertyOptional({
    maxItems: 50,
    type: [ClosingLineDto],
    description: 'how the rest is allocated; default: indivisible reserve',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
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
  @ApiProperty({ example: '2027', maxLength: 31 })
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
