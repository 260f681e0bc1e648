import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { IsoDay, MoneyDto, PageQuery } from '@libs/api-conventions';
import { MemberStatus } from './member.decider';

/** Shares in one subscription: a whole number, and never so many that counting them could slip. */
export const MAX_SHARE_COUNT = 1_000_000;

export class SharesDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: MAX_SHARE_COUNT })
  @IsInt()
  @Min(1)
  @Max(MAX_SHARE_COUNT)
  count!: number;

  @ApiProperty({ type: MoneyDto, description: 'nominal value of one share, in EUR' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  nominalValue!: MoneyDto;
}

export class AdmitMemberDto {
  @ApiProperty({ enum: MEMBER_CATEGORIES })
  @IsIn(MEMBER_CATEGORIES)
  category!: MemberCategory;

  @IsoDay()
  admittedOn!: string;

  @ApiProperty({ type: SharesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SharesDto)
  shares!: SharesDto;

  @ApiPropertyOptional({
    maxLength: 36,
    format: 'uuid',
    description: 'chosen by the client; generated when absent',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ description: 'a worker who is a disadvantaged person (type-B quota)' })
  @IsOptional()
  @IsBoolean()
  disadvantaged?: boolean;

  @ApiPropertyOptional({
    description: 'kept only encrypted with the member’s own key',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    description: 'kept only encrypted with the member’s own key',
    maxLength: 254,
    format: 'email',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class SubscribeSharesDto {
  @IsoDay()
  subscribedOn!: string;

  @ApiProperty({ type: SharesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SharesDto)
  shares!: SharesDto;
}

export class PayCapitalDto {
  @IsoDay()
  paidOn!: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;
}

export class ChangeCategoryDto {
  @ApiProperty({ enum: MEMBER_CATEGORIES })
  @IsIn(MEMBER_CATEGORIES)
  category!: MemberCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disadvantaged?: boolean;

  @IsoDay()
  changedOn!: string;
}

const accountsApprovedOn = {
  required: false,
  description:
    'approval of the exit year’s accounts, when known (default: 30 April of the next year)',
};

/** Reasons often name people: they are personal data of the member's, and handled as such. */
const REASON_DESCRIPTION =
  'sealed with the member’s own key, like the name: shown to the coop’s roles while it lives, null for good once the member’s personal data is erased';

export class WithdrawMemberDto {
  @IsoDay({ description: 'when the member gave notice' })
  requestedOn!: string;

  @ApiPropertyOptional({ maxLength: 500, description: REASON_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsoDay(accountsApprovedOn)
  accountsApprovedOn?: string;
}

export class ExcludeMemberDto {
  @IsoDay({ description: 'when the coop decided the exclusion' })
  decidedOn!: string;

  @ApiProperty({ maxLength: 500, description: REASON_DESCRIPTION })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @IsOptional()
  @IsoDay(accountsApprovedOn)
  accountsApprovedOn?: string;
}

export class MemberIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  memberId!: string;
}

export class MembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'withdrawn', 'excluded'] })
  @IsOptional()
  @IsIn(['active', 'withdrawn', 'excluded'])
  status?: MemberStatus;

  @ApiPropertyOptional({ enum: MEMBER_CATEGORIES })
  @IsOptional()
  @IsIn(MEMBER_CATEGORIES)
  category?: MemberCategory;
}
