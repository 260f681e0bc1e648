/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { ProjectsQueries } from './projects.queries';
export type { ProjectSummary } from './projects.queries';
export { ProjectSummaryResponse } from './project.response';
export { PROJECTS_READ_SIDE } from './projects.read-side';
export { ProjectsModule } from './projects.module';
export { evolveIncubatedProject, incubatedProjectOf } from './incubated-project';
export type { IncubatedProject } from './incubated-project';
