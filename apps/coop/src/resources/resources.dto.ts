import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import {
  RESOURCE_KINDS,
  RESOURCE_TERMS,
  ResourceKind,
  ResourceTermsType,
  THEMES,
  Theme,
} from '@libs/contracts';
import { IsDecimalString, MoneyDto } from '@libs/api-conventions';

export class ResourceTermsDto {
  @ApiProperty({
    enum: RESOURCE_TERMS,
    description: 'free; at_cost (price in EUR); sol (price in SOL); hours',
  })
  @IsIn(RESOURCE_TERMS)
  type!: ResourceTermsType;

  @ApiPropertyOptional({ type: MoneyDto, description: 'for at_cost (EUR) and sol (SOL)' })
  @ValidateIf((terms: ResourceTermsDto) => terms.type === 'at_cost' || terms.type === 'sol')
  @IsDefined({ message: 'price is required for at_cost and sol terms' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  price?: MoneyDto;

  @ApiPropertyOptional({
    example: '2',
    description: 'for hours terms: hours given back per use',
    maxLength: 15,
  })
  @ValidateIf((terms: ResourceTermsDto) => terms.type === 'hours')
  @IsDefined({ message: 'hours is required for hours terms' })
  @IsDecimalString()
  hours?: string;
}

export class ShareResourceDto {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS)
  kind!: ResourceKind;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Cargo bike with trailer' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true, maxItems: THEMES.length })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true })
  themes?: Theme[];

  @ApiProperty({ type: ResourceTermsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ResourceTermsDto)
  terms!: ResourceTermsDto;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  resourceId?: string;
}

export class ResourceIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  resourceId!: string;
}
