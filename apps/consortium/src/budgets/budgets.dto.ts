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
import { isCoopId, MAX_AMOUNT, THEMES, Theme, Vote } from '@libs/contracts';
import { IsoDay, IsSignedDecimalString, MoneyDto } from '@libs/api-conventions';
import { ValidateBy } from 'class-validator';

export class OpenBudgetDto {
  @ApiProperty({ example: '2027', description: 'a year, or any short slug for another period' })
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

  @ApiPropertyOptional({ example: 'velo-solidaire' })
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

  @ApiPropertyOptional({ format: 'uuid' })
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
    type: [ClosingLineDto],
    description: 'how the rest is allocated; default: all of it to an indivisible reserve',
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
  @ApiProperty({ format: 'uuid' })
  allocationId!: string;
}

export class BudgetPeriodItem {
  @ApiProperty({ example: '2027' })
  periodId!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  endsOn!: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: 'open' | 'closed';
}

export class BudgetPeriodList {
  @ApiProperty({ type: [BudgetPeriodItem] })
  items!: BudgetPeriodItem[];
}
