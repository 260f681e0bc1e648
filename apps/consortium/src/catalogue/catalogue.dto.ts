import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RESOURCE_KINDS, ResourceKind, Theme, THEMES } from '@libs/contracts';
import { PageQuery } from '@libs/api-conventions';

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ enum: THEMES, description: 'resources serving this theme (among others)' })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;
}
