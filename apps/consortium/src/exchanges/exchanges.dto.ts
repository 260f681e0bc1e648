import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import { EXCHANGE_KINDS, ExchangeKind, isCoopId, MAX_AMOUNT, Theme, THEMES } from '@libs/contracts';
import { IsDecimalString, IsoDay, MAX_PAGE_SIZE } from '@libs/api-conventions';

export class GiveHoursDto {
  @ApiProperty({ example: 'habitat-partage', maxLength: 63, description: 'the receiving coop' })
  @ValidateBy({
    name: 'isCoopId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCoopId(value),
      defaultMessage: () => 'toCoopId must be a coop id (a lowercase slug)',
    },
  })
  toCoopId!: string;

  @ApiProperty({ example: '4.5', maxLength: 15, description: `hours, at most ${MAX_AMOUNT}` })
  @IsDecimalString()
  hours!: string;

  @ApiProperty({ enum: EXCHANGE_KINDS })
  @IsIn(EXCHANGE_KINDS)
  kind!: ExchangeKind;

  @ApiPropertyOptional({
    enum: THEMES,
    description:
      'what the hours served: how the pooled means count them; default the giving coop’s first theme',
  })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @IsoDay({ description: 'the day the hours were given' })
  on!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  exchangeId?: string;
}

export class ExchangeIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  exchangeId!: string;
}

export class ConfirmationResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  exchangeId!: string;

  @ApiProperty({ format: 'date', maxLength: 10 })
  confirmedOn!: string;
}

export class TimeAccountResponse {
  @ApiProperty({ example: 'velo-solidaire', maxLength: 63 }) coopId!: string;
  @ApiProperty({
    example: '12.50',
    maxLength: 24,
    description: 'confirmed hours the coop gave other coops',
  })
  given!: string;
  @ApiProperty({
    example: '4.00',
    maxLength: 24,
    description: 'confirmed hours other coops gave it',
  })
  received!: string;
  @ApiProperty({
    example: '8.50',
    maxLength: 25,
    description: 'given − received: over all coops, zero',
  })
  balance!: string;
}

export class TimeAccountPage {
  @ApiProperty({ type: [TimeAccountResponse], maxItems: MAX_PAGE_SIZE })
  items!: TimeAccountResponse[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 400 })
  nextCursor!: string | null;
}
