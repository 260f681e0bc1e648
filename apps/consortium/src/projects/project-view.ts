import { PROJECT_STAGES, ProjectStage, Theme } from '@libs/contracts';
import { IncubatedProject } from './incubated-project';

/** The pipeline: projects still incubated by stage, and how many per theme and stage. */
export function pipeline<P extends Pick<IncubatedProject, 'stage' | 'themes' | 'graduation'>>(
  projects: P[],
): {
  byStage: Record<ProjectStage, P[]>;
  byTheme: Partial<Record<Theme, Record<ProjectStage, number>>>;
} {
  const byStage = Object.fromEntries(PROJECT_STAGES.map((stage) => [stage, [] as P[]])) as Record<
    ProjectStage,
    P[]
  >;
  const byTheme: Partial<Record<Theme, Record<ProjectStage, number>>> = {};
  for (const project of projects) {
    if (project.graduation) continue;
    byStage[project.stage].push(project);
    for (const theme of project.themes) {
      const counts = (byTheme[theme] ??= { idea: 0, study: 0, constitution: 0 });
      counts[project.stage] += 1;
    }
  }
  return { byStage, byTheme };
}
