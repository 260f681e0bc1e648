import { ReadSide } from '@libs/projections';
import { ResourceRow } from './resource.entity';
import { resourcesProjection } from './resources.projection';

/** `resources` (created with the coop's first tables in `database/`). */
export const RESOURCES_READ_SIDE: ReadSide<string> = {
  entities: [ResourceRow],
  projections: (coopId) => [resourcesProjection(coopId)],
};
