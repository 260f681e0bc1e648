import { rowProjection } from '@libs/projections';
import {
  CATALOGUE_EVENT_TYPES,
  catalogueResourceOf,
  evolveCatalogueResource,
} from './catalogue-resource';
import { CatalogueResourceRow } from './catalogue-resource.entity';

/** `catalogue_resources` from every coop's resource streams. */
export const catalogueProjection = rowProjection<CatalogueResourceRow>({
  name: 'catalogue_resources',
  version: 1,
  eventTypes: [...CATALOGUE_EVENT_TYPES],
  entity: CatalogueResourceRow,
  key: catalogueResourceOf,
  evolve: evolveCatalogueResource,
});
