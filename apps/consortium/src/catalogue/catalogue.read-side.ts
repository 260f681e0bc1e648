import { ReadSide } from '@libs/projections';
import { CatalogueResourceRow } from './catalogue-resource.entity';
import { catalogueProjection } from './catalogue.projection';

/** `catalogue_resources` (created with the consortium's first tables in `database/`). */
export const CATALOGUE_READ_SIDE: ReadSide = {
  entities: [CatalogueResourceRow],
  projections: () => [catalogueProjection],
};
