import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsoDay } from '@libs/api-conventions';

export class AdmissionOverrideDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'why the board admits the coop despite the composition rule',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class AdmitCoopDto {
  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  admittedOn?: string;

  @ApiPropertyOptional({ type: AdmissionOverrideDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AdmissionOverrideDto)
  override?: AdmissionOverrideDto;
}
