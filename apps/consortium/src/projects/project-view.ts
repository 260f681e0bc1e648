import { Currency, formatHundredths, PROJECT_STAGES, ProjectStage, Theme } from '@libs/contracts';
import { IncubatedProject } from './incubated-project';

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Days spent in each stage, the present one counted up to `today` (or the graduation). */
export function daysPerStage(
  project: Pick<IncubatedProject, 'stages'>,
  today: string,
): Record<ProjectStage, number> {
  const days = Object.fromEntries(PROJECT_STAGES.map((stage) => [stage, 0])) as Record<
    ProjectStage,
    number
  >;
  for (const spell of project.stages)
    days[spell.stage] += daysBetween(spell.from, spell.to ?? today);
  return days;
}

/** The funds held, per currency, as decimal strings: exact whatever their size. */
export function fundsHeld(project: Pick<IncubatedProject, 'funds'>): Record<string, string> {
  const held = new Map<Currency, bigint>();
  for (const { direction, amount } of project.funds) {
    const signed = BigInt(amount.hundredths) * (direction === 'in' ? 1n : -1n);
    held.set(amount.unit, (held.get(amount.unit) ?? 0n) + signed);
  }
  return Object.fromEntries(
    [...held].map(([unit, hundredths]) => [unit, formatHundredths(hundredths)]),
  );
}

/** Hours of support received, in total and by giving coop (`consortium` when no coop gave them). */
export function hoursReceived(project: Pick<IncubatedProject, 'support'>): {
  total: string;
  byCoop: Record<string, string>;
} {
  let total = 0n;
  const byCoop = new Map<string, bigint>();
  for (const { hours, byCoopId } of project.support) {
    if (hours === null) continue;
    total += BigInt(hours);
    const giver = byCoopId ?? 'consortium';
    byCoop.set(giver, (byCoop.get(giver) ?? 0n) + BigInt(hours));
  }
  return {
    total: formatHundredths(total),
    byCoop: Object.fromEntries([...byCoop].map(([coop, h]) => [coop, formatHundredths(h)])),
  };
}

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
