import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LEGAL_FORMS, LegalForm, THEMES, Theme } from '@libs/contracts';

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
}

export class ConsortiumWithdrawalDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
