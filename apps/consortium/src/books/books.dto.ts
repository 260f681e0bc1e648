import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  COOP_ID_MAX_LENGTH,
  Currency,
  CURRENCIES,
  FUNDING_KINDS,
  FundingKind,
  INCOME_KINDS,
  IncomeKind,
  isCoopId,
  Theme,
  THEMES,
} from '@libs/contracts';
import {
  DECIMAL_SUM_MAX_LENGTH,
  DECIMAL_SUM_PATTERN,
  IsoDay,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_SIZE,
  MoneyDto,
  PageQuery,
} from '@libs/api-conventions';

/** A name or reference as people write it: 1 to 200 characters. */
const NameField = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ maxLength: 200, example, description }),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );

export class RecordIncomeDto {
  @ApiProperty({ enum: INCOME_KINDS })
  @IsIn(INCOME_KINDS)
  kind!: IncomeKind;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @IsoDay({ description: 'the day the money reached the consortium’s account' })
  receivedOn!: string;

  @NameField('who paid it: the funder, the donor, the buyer', 'Fondazione Cariplo')
  funder!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description:
      'the awarded funding application it is (part of) the money of; its funder is the application’s',
  })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

export class IncomeIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  incomeId!: string;
}

export class ApplyForFundingDto {
  @NameField('the funder', 'Fondazione Cariplo')
  funder!: string;

  @NameField('the call applied to', 'Welfare di comunità 2027')
  call!: string;

  @ApiProperty({ enum: FUNDING_KINDS })
  @IsIn(FUNDING_KINDS)
  kind!: FundingKind;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  requested!: MoneyDto;

  @IsoDay({ description: 'the call’s deadline' })
  deadline!: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;
}

export class ApplicationIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  applicationId!: string;
}

export class FundingDecisionResponse extends ApplicationIdResponse {
  @ApiProperty({ enum: ['awarded', 'refused'] })
  status!: 'open' | 'awarded' | 'refused';
}

export class FundingDecisionDto {
  @ApiProperty({ enum: ['awarded', 'refused'] })
  @IsIn(['awarded', 'refused'])
  outcome!: 'awarded' | 'refused';

  @IsoDay()
  decidedOn!: string;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'required when awarded, absent when refused',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  awarded?: MoneyDto;

  @IsOptional()
  @IsoDay({ required: false, description: 'when the funder expects the report' })
  reportingDueOn?: string;
}

export class FundingApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'awarded', 'refused'] })
  @IsOptional()
  @IsIn(['open', 'awarded', 'refused'])
  status?: 'open' | 'awarded' | 'refused';

  @IsOptional()
  @IsoDay({ required: false, description: 'deadlines before this day only' })
  deadlineBefore?: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'reports due before this day only' })
  reportingDueBefore?: string;
}

export class FundingApplicationItem {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) applicationId!: string;
  @ApiProperty({ maxLength: 200 }) funder!: string;
  @ApiProperty({ maxLength: 200 }) call!: string;
  @ApiProperty({ enum: FUNDING_KINDS }) kind!: FundingKind;
  @ApiProperty({ type: MoneyDto }) requested!: MoneyDto;
  @ApiProperty({ format: 'date', maxLength: 10 }) deadline!: string;
  @ApiProperty({ enum: THEMES, nullable: true }) theme!: Theme | null;
  @ApiProperty({ enum: ['open', 'awarded', 'refused'] }) status!: 'open' | 'awarded' | 'refused';
  @ApiProperty({ type: MoneyDto, nullable: true }) awarded!: MoneyDto | null;
  @ApiProperty({ type: String, format: 'date', maxLength: 10, nullable: true }) decidedOn!:
    string | null;
  @ApiProperty({ type: String, format: 'date', maxLength: 10, nullable: true }) reportingDueOn!:
    string | null;
  @ApiProperty({ type: MoneyDto, description: 'what the award brought in so far (POST /income)' })
  received!: MoneyDto;
}

export class FundingApplicationPage {
  @ApiProperty({ type: [FundingApplicationItem], maxItems: MAX_PAGE_SIZE })
  items!: FundingApplicationItem[];

  @ApiProperty({ type: String, nullable: true, maxLength: MAX_CURSOR_LENGTH })
  nextCursor!: string | null;
}

export class PayeeDto {
  @ApiPropertyOptional({ example: 'velo-solidaire', maxLength: 63, description: 'a member coop' })
  @IsOptional()
  @ValidateBy({
    name: 'isCoopId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCoopId(value),
      defaultMessage: () => 'payee.coopId must be a coop id (a lowercase slug)',
    },
  })
  coopId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Studio Rossi', description: 'a supplier' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class DisburseDto {
  @ApiProperty({ type: MoneyDto, description: 'in the allocation’s currency' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @IsoDay()
  paidOn!: string;

  @ApiProperty({ type: PayeeDto, description: '`{ "coopId" }` or `{ "name" }`, one of them' })
  @IsObject()
  @ValidateNested()
  @Type(() => PayeeDto)
  payee!: PayeeDto;

  @NameField('the invoice or transfer reference', 'INV-2027-014')
  reference!: string;
}

export class DisbursementIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  disbursementId!: string;
}

export class LedgerQuery extends PageQuery {
  @IsOptional()
  @IsoDay({ required: false, description: 'first day; default 1 January of this year' })
  from?: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'last day; default 31 December of this year' })
  to?: string;
}

export class LedgerLineItem {
  @ApiProperty({ format: 'date', maxLength: 10 }) date!: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: 'in' | 'out';
  @ApiProperty({
    example: 'grant',
    maxLength: 32,
    description: 'an income kind, `contribution` (a member coop’s payment) or `disbursement`',
  })
  kind!: string;
  @ApiProperty({ maxLength: 200 }) counterpart!: string;
  @ApiProperty({ nullable: true, type: String, maxLength: COOP_ID_MAX_LENGTH })
  coopId!: string | null;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty({
    example: '1200.00',
    maxLength: DECIMAL_SUM_MAX_LENGTH,
    pattern: DECIMAL_SUM_PATTERN,
    description: 'the movement’s amount, exact',
  })
  amount!: string;

  @ApiProperty({ maxLength: 200 }) reference!: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'the event that recorded it' })
  eventId!: string;
}

export class LedgerPage {
  @ApiProperty({ type: [LedgerLineItem], maxItems: MAX_PAGE_SIZE }) items!: LedgerLineItem[];

  @ApiProperty({ type: String, nullable: true, maxLength: MAX_CURSOR_LENGTH })
  nextCursor!: string | null;
}
