import {
  consortiumStream,
  FundsMovement,
  LegalForm,
  PROJECT_AGGREGATE,
  ProjectEvent,
  ProjectStage,
  SealedPersonalData,
  StageSpell,
  SupportGiven,
  Theme,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** A project as the board follows it, its whole pre-history folded in one row. */
export interface IncubatedProject {
  projectId: string;
  name: string;
  themes: Theme[];
  territory: string;
  stage: ProjectStage;
  openedOn: string;
  stages: StageSpell[];
  /** Sealed; null once erased (the key is gone too) or never given. */
  contact: SealedPersonalData | null;
  support: SupportGiven[];
  funds: FundsMovement[];
  graduation: { coopId: string; legalForm: LegalForm; graduatedOn: string } | null;
}

export const INCUBATED_PROJECT_EVENT_TYPES = [
  'ProjectOpened',
  'ProjectStageChanged',
  'ProjectSupported',
  'ProjectFundsMoved',
  'ProjectContactErased',
  'ProjectGraduated',
] as const satisfies ProjectEvent['type'][];

/** The project an event is about, when it lies on that project's stream. */
export function incubatedProjectOf(event: RecordedEvent): string | null {
  const { projectId } = event.data as { projectId?: unknown };
  return typeof projectId === 'string' &&
    event.streamId === consortiumStream(PROJECT_AGGREGATE, projectId)
    ? projectId
    : null;
}

export function evolveIncubatedProject(
  project: IncubatedProject | undefined,
  recorded: RecordedEvent,
): IncubatedProject | null {
  const event = recorded as unknown as ProjectEvent;
  if (event.type === 'ProjectOpened') {
    const { projectId, name, themes, territory, stage, openedOn, contact } = event.data;
    return {
      projectId,
      name,
      themes,
      territory,
      stage,
      openedOn,
      stages: [{ stage, from: openedOn, to: null }],
      contact,
      support: [],
      funds: [],
      graduation: null,
    };
  }
  if (!project) return null;
  switch (event.type) {
    case 'ProjectStageChanged': {
      const { stage, on } = event.data;
      const closed = project.stages.map((spell) =>
        spell.to === null ? { ...spell, to: on } : spell,
      );
      return { ...project, stage, stages: [...closed, { stage, from: on, to: null }] };
    }
    case 'ProjectSupported': {
      const { projectId: _p, theme: _t, ...support } = event.data;
      return { ...project, support: [...project.support, support] };
    }
    case 'ProjectFundsMoved': {
      const { projectId: _p, ...movement } = event.data;
      return { ...project, funds: [...project.funds, movement] };
    }
    case 'ProjectContactErased':
      return { ...project, contact: null };
    case 'ProjectGraduated': {
      const { coopId, legalForm, graduatedOn } = event.data;
      const stages = project.stages.map((spell) =>
        spell.to === null ? { ...spell, to: graduatedOn } : spell,
      );
      return { ...project, stages, graduation: { coopId, legalForm, graduatedOn } };
    }
  }
}
