import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOURCE_KINDS, RESOURCE_TERMS, ResourceKind, Theme, THEMES } from '@libs/contracts';
import { MoneySumSchema } from './quantity.dto';
import { ResourceView } from './resource.view';

class ResourceTermsResponse {
  @ApiProperty({ enum: RESOURCE_TERMS, example: 'free' })
  type!: string;

  @ApiPropertyOptional({ type: MoneySumSchema })
  price?: MoneySumSchema;

  @ApiPropertyOptional({ maxLength: 32, example: '2.00' })
  hours?: string;
}

/** A shared resource as every API shows it (`ResourceView`). */
export class ResourceResponse implements ResourceView {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) resourceId!: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind!: ResourceKind;
  @ApiProperty({ maxLength: 200 }) title!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 2000 }) description!: string | null;
  @ApiProperty({ enum: THEMES, isArray: true, maxItems: THEMES.length }) themes!: Theme[];
  @ApiProperty({ type: ResourceTermsResponse }) terms!: ResourceTermsResponse;
  @ApiProperty({ format: 'date', maxLength: 10 }) sharedOn!: string;
}
