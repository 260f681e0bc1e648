import { Projection } from '@libs/projections';
import { CONSORTIUM_READ_MODELS } from '../consortium/src';
import { coopReadModels } from '../coop/src';

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
      ...CONSORTIUM_READ_MODELS,
    };
  }
  if (app === 'coop') {
    if (!coopId) throw new Error('--coop <coopId> is required for the coop app');
    return {
      schema: schema ?? `coop_${coopId.replace(/-/g, '_')}`,
      ...coopReadModels(coopId),
    };
  }
  throw new Error(`--app must be coop or consortium, not ${app}`);
}
