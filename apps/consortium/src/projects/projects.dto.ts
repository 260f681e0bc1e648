import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  isCoopId,
  LEGAL_FORMS,
  LegalForm,
  PROJECT_STAGES,
  ProjectStage,
  SUPPORT_KINDS,
  SupportKind,
  Theme,
  THEMES,
} from '@libs/contracts';
import { IsDecimalString, IsoDay, MoneyDto } from '@libs/api-conventions';

const IsCoopId = (property: string) =>
  ValidateBy({
    name: 'isCoopId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCoopId(value),
      defaultMessage: () => `${property} must be a coop id (a lowercase slug)`,
    },
  });

export class ProjectContactDto {
  @ApiProperty({ maxLength: 200, example: 'Giulia Rossi' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 254, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class OpenProjectDto {
  @ApiProperty({ maxLength: 200, example: 'Ciclofficina di quartiere' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: THEMES, isArray: true, minItems: 1, maxItems: THEMES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes!: Theme[];

  @ApiProperty({ maxLength: 200, example: 'Torino, Barriera di Milano' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  territory!: string;

  @ApiProperty({ enum: PROJECT_STAGES })
  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsoDay({ required: false, description: 'the day the consortium took it in; default today' })
  @IsOptional()
  on?: string;

  @ApiPropertyOptional({
    type: ProjectContactDto,
    description: 'personal data: sealed in the log, erasable (`DELETE /projects/{id}/contact`)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectContactDto)
  contact?: ProjectContactDto;
}

export class ChangeStageDto {
  @ApiProperty({ enum: PROJECT_STAGES })
  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @IsoDay({ description: 'the day it entered the stage; never before it entered the present one' })
  on!: string;
}

export class SupportDto {
  @ApiProperty({ enum: SUPPORT_KINDS })
  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;

  @ApiPropertyOptional({
    example: '12.5',
    maxLength: 15,
    description: 'hours given (or `amount`, not both)',
  })
  @IsOptional()
  @IsDecimalString()
  hours?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'money given (or `hours`, not both)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({
    maxLength: 63,
    description: 'the member coop that gave it: its hours count in its hours given',
  })
  @IsOptional()
  @IsCoopId('byCoopId')
  byCoopId?: string;

  @IsoDay({ required: false, description: 'default today' })
  @IsOptional()
  on?: string;
}

export class FundsDto {
  @ApiProperty({ enum: ['in', 'out'] })
  @IsIn(['in', 'out'])
  direction!: 'in' | 'out';

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @IsoDay()
  on!: string;

  @ApiProperty({ maxLength: 200, description: 'who the money came from or went to' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  counterpart!: string;
}

export class GraduationDto {
  @ApiProperty({
    maxLength: 63,
    description: 'the new coop’s id (a lowercase slug)',
    example: 'ciclofficina',
  })
  @IsCoopId('coopId')
  coopId!: string;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS)
  legalForm!: LegalForm;

  @IsoDay({ required: false, description: 'default today' })
  @IsOptional()
  on?: string;
}

export class ProjectIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  projectId!: string;
}

export class RecordedIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id!: string;
}
