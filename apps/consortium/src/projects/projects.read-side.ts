import { ReadSide } from '@libs/projections';
import { IncubatedProjectRow } from './incubated-project.entity';
import { incubatedProjectsProjection } from './incubated-projects.projection';
import { IncubatedProjects1765500000001 } from './migrations/1765500000001-incubated-projects';
import { ProjectContactKeyRow } from './project-contact-key.entity';

export const PROJECTS_READ_SIDE: ReadSide = {
  entities: [IncubatedProjectRow, ProjectContactKeyRow],
  migrations: [IncubatedProjects1765500000001],
  projections: () => [incubatedProjectsProjection],
};
