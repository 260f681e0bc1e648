import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsoDay } from '@libs/api-conventions';
import { LEGAL_FORMS, LegalForm, SHARE_FORMS, ShareForm, THEMES, Theme } from '@libs/contracts';

export class SetProfileDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Velo Solidaire' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS)
  legalForm!: LegalForm;

  @ApiProperty({ enum: THEMES, isArray: true, maxItems: THEMES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes!: Theme[];

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Bologna, quartiere Navile' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  territory!: string;

  @ApiPropertyOptional({
    enum: SHARE_FORMS,
    description:
      'how the capital is divided (c.c. 2525): the 719 EUR per-share cap is for azioni only; default azioni',
  })
  @IsOptional()
  @IsIn(SHARE_FORMS)
  shareForm?: ShareForm;

  @ApiPropertyOptional({
    description:
      'the statutes raise the holding cap to 2% of capital once members exceed 500 (c.c. 2525); default false',
  })
  @IsOptional()
  @IsBoolean()
  statutesRaiseHoldingCap?: boolean;
}

export class ConsortiumWithdrawalDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsoDay({ required: false, description: 'the day notice was given; default today' })
  requestedOn?: string;
}
