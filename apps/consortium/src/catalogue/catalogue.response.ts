import { ApiProperty } from '@nestjs/swagger';
import { ResourceResponse } from '@libs/api-conventions';
import { CatalogueItem } from './catalogue.queries';

/** A resource on offer in the federation, with the coop that offers it (`CatalogueItem`). */
export class CatalogueItemResponse extends ResourceResponse implements CatalogueItem {
  @ApiProperty({ maxLength: 100 }) coopId!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) coopName!: string | null;
}
