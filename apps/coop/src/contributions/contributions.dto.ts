import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { CONTRIBUTION_KINDS, ContributionKind, THEMES, Theme } from '@libs/contracts';
import { IsoDay, IsoMonth, MoneyDto, PageQuery, TimeDto } from '@libs/api-conventions';

const KINDS = Object.keys(CONTRIBUTION_KINDS) as ContributionKind[];

export class RecordContributionDto {
  @ApiProperty({ enum: KINDS, description: 'its pillar follows from it (the public API)' })
  @IsIn(KINDS)
  kind!: ContributionKind;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'money (EUR or SOL); exactly one of amount and time',
  })
  @ValidateIf((dto: RecordContributionDto) => dto.time === undefined || dto.amount !== undefined)
  @IsDefined({ message: 'amount (money) or time (hours) is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({
    type: TimeDto,
    description: 'hours given; exactly one of amount and time',
  })
  @ValidateIf((dto: RecordContributionDto) => dto.time !== undefined)
  @ValidateBy({
    name: 'notWithAmount',
    validator: {
      validate: (_: unknown, args) => (args?.object as RecordContributionDto).amount === undefined,
      defaultMessage: () => 'give amount or time, not both',
    },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => TimeDto)
  time?: TimeDto;

  @IsoMonth({ description: 'the month it counts for' })
  period!: string;

  @ApiProperty({ enum: THEMES })
  @IsIn(THEMES)
  theme!: Theme;

  @ApiProperty({ enum: ['pledged', 'paid'] })
  @IsIn(['pledged', 'paid'])
  status!: 'pledged' | 'paid';

  @ApiPropertyOptional({ maxLength: 200, description: 'who it comes from: a foundation, a buyer…' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({
    maxLength: 36,
    format: 'uuid',
    description: 'chosen by the client; generated when absent',
  })
  @IsOptional()
  @IsUUID()
  contributionId?: string;
}

export class PayPledgeDto {
  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  paidOn?: string;
}

/** A pledge that will not be paid (a grant the coop counted on was refused). */
export class CancelPledgeDto {
  @ApiProperty({ maxLength: 500, example: 'the regional grant was refused' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  cancelledOn?: string;
}

export class ContributionsQuery extends PageQuery {
  @IsOptional()
  @IsoMonth({ required: false })
  period?: string;
}

export class ContributionIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  contributionId!: string;
}
