import { ReadSide } from '@libs/projections';
import { CatalogueResourceRow } from './catalogue-resource.entity';
import { catalogueProjection } from './catalogue.projection';
import { CatalogueFounding1764300000101 } from './migrations/1764300000101-catalogue-founding';

/** `catalogue_resources`: every resource ever shared. */
export const CATALOGUE_READ_SIDE: ReadSide = {
  entities: [CatalogueResourceRow],
  migrations: [CatalogueFounding1764300000101],
  projections: () => [catalogueProjection],
};
