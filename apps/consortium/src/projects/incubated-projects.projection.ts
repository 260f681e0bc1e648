import { rowProjection } from '@libs/projections';
import {
  evolveIncubatedProject,
  INCUBATED_PROJECT_EVENT_TYPES,
  incubatedProjectOf,
} from './incubated-project';
import { IncubatedProjectRow } from './incubated-project.entity';

/** `incubated_projects` from the consortium's project streams. */
export const incubatedProjectsProjection = rowProjection<IncubatedProjectRow>({
  name: 'incubated_projects',
  version: 1,
  eventTypes: [...INCUBATED_PROJECT_EVENT_TYPES],
  entity: IncubatedProjectRow,
  key: incubatedProjectOf,
  evolve: evolveIncubatedProject,
});
