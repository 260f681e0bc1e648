import { Projection } from '@libs/projections';
import { COOP_ENTITIES, COOP_MIGRATIONS, coopProjections } from '../coop/src/database/read-models';
import {
  CONSORTIUM_ENTITIES,
  CONSORTIUM_MIGRATIONS,
  CONSORTIUM_PROJECTIONS,
} from '../consortium/src/database/read-models';

/** Each app's read-model database as the operator's commands see it. */
export interface AppReadModels {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  projections: Projection[];
}

/** The same defaults as the apps: schema `consortium`, or `coop_<slug>` for a coop app. */
export function readModelsOf(
  app: string,
  coopId: string | undefined,
  schema: string | undefined,
): AppReadModels {
  if (app === 'consortium') {
    return {
      schema: schema ?? 'consortium',
      entities: CONSORTIUM_ENTITIES,
      migrations: CONSORTIUM_MIGRATIONS,
      projections: CONSORTIUM_PROJECTIONS,
    };
  }
  if (app === 'coop') {
    if (!coopId) throw new Error('--coop <coopId> is required for the coop app');
    return {
      schema: schema ?? `coop_${coopId.replace(/-/g, '_')}`,
      entities: COOP_ENTITIES,
      migrations: COOP_MIGRATIONS,
      projections: coopProjections(coopId),
    };
  }
  throw new Error(`--app must be coop or consortium, not ${app}`);
}
