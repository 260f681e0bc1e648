import { ReadSide } from '@libs/projections';
import { ResourceRow } from './resource.entity';
import { ResourcesFounding1764300000001 } from './migrations/1764300000001-resources-founding';
import { resourcesProjection } from './resources.projection';

/** `resources`: what the coop shares. */
export const RESOURCES_READ_SIDE: ReadSide<string> = {
  entities: [ResourceRow],
  migrations: [ResourcesFounding1764300000001],
  projections: (coopId) => [resourcesProjection(coopId)],
};
