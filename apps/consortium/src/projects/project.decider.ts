import {
  Currency,
  LegalForm,
  Money,
  ProjectEvent,
  ProjectStage,
  SealedPersonalData,
  SupportKind,
  Theme,
} from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';

export type ProjectCommand =
  | {
      type: 'Open';
      projectId: string;
      name: string;
      themes: Theme[];
      territory: string;
      stage: ProjectStage;
      on: string;
      contact: SealedPersonalData | null;
    }
  | { type: 'ChangeStage'; stage: ProjectStage; on: string }
  | {
      type: 'Support';
      supportId: string;
      kind: SupportKind;
      hours: number | null;
      amount: Money | null;
      byCoopId: string | null;
      on: string;
    }
  | {
      type: 'MoveFunds';
      movementId: string;
      direction: 'in' | 'out';
      amount: Money;
      on: string;
      counterpart: string;
    }
  | { type: 'EraseContact'; on: string }
  | { type: 'Graduate'; coopId: string; legalForm: LegalForm; on: string };

/** What the project's rules decide on. */
export interface ProjectState {
  projectId: string | null;
  name: string;
  themes: Theme[];
  territory: string;
  stage: ProjectStage | null;
  /** The day it entered its present stage: a stage change is never dated before it. */
  stageSince: string | null;
  /** Funds held, in hundredths per currency, exact whatever their size. */
  balances: Partial<Record<Currency, bigint>>;
  hasContact: boolean;
  graduatedAs: string | null;
}

export const initialProjectState = (): ProjectState => ({
  projectId: null,
  name: '',
  themes: [],
  territory: '',
  stage: null,
  stageSince: null,
  balances: {},
  hasContact: false,
  graduatedAs: null,
});

export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectOpened':
      return {
        ...state,
        projectId: event.data.projectId,
        name: event.data.name,
        themes: event.data.themes,
        territory: event.data.territory,
        stage: event.data.stage,
        stageSince: event.data.openedOn,
        hasContact: event.data.contact !== null,
      };
    case 'ProjectStageChanged':
      return { ...state, stage: event.data.stage, stageSince: event.data.on };
    case 'ProjectSupported':
      return state;
    case 'ProjectFundsMoved': {
      const { unit, hundredths } = event.data.amount;
      const signed = BigInt(hundredths) * (event.data.direction === 'in' ? 1n : -1n);
      return {
        ...state,
        balances: { ...state.balances, [unit]: (state.balances[unit] ?? 0n) + signed },
      };
    }
    case 'ProjectContactErased':
      return { ...state, hasContact: false };
    case 'ProjectGraduated':
      return { ...state, graduatedAs: event.data.coopId };
  }
}

/**
 * A project is opened once, moved from stage to stage forward in time, supported and funded while
 * the consortium hosts it; its funds never go below zero; once graduated it is a coop, and the
 * consortium records nothing more for it but the erasure of its contact.
 */
export function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'Open') {
    if (state.projectId !== null) {
      throw new StateConflict(`project ${command.projectId} already exists`);
    }
    const { type: _, on, ...opened } = command;
    return [{ type: 'ProjectOpened', data: { ...opened, openedOn: on } }];
  }
  const projectId = state.projectId;
  if (projectId === null) throw new NotFound('no such project');
  if (command.type === 'EraseContact') {
    return state.hasContact
      ? [{ type: 'ProjectContactErased', data: { projectId, erasedOn: command.on } }]
      : [];
  }
  if (state.graduatedAs !== null) {
    throw new RuleViolation(
      'project_graduated',
      `the project graduated as coop ${state.graduatedAs}: it is no longer incubated`,
    );
  }
  switch (command.type) {
    case 'ChangeStage': {
      if (command.stage === state.stage) {
        throw new RuleViolation(
          'project_stage_unchanged',
          `the project is already at ${command.stage}`,
        );
      }
      if (command.on < state.stageSince!) {
        throw new RuleViolation(
          'project_stage_before_previous',
          `on (${command.on}) is before the present stage began (${state.stageSince})`,
        );
      }
      const data = { projectId, from: state.stage!, stage: command.stage, on: command.on };
      return [{ type: 'ProjectStageChanged', data }];
    }
    case 'Support': {
      const { type: _, ...support } = command;
      return [
        { type: 'ProjectSupported', data: { projectId, ...support, theme: state.themes[0] } },
      ];
    }
    case 'MoveFunds': {
      const { unit, hundredths } = command.amount;
      const held = state.balances[unit] ?? 0n;
      if (command.direction === 'out' && BigInt(hundredths) > held) {
        throw new RuleViolation(
          'project_funds_insufficient',
          `the project holds ${held} hundredths of ${unit}, ${hundredths} asked`,
        );
      }
      const { type: _, ...movement } = command;
      return [{ type: 'ProjectFundsMoved', data: { projectId, ...movement } }];
    }
    case 'Graduate': {
      if (state.stage !== 'constitution') {
        throw new RuleViolation(
          'project_not_in_constitution',
          `a project graduates from the constitution stage, not from ${state.stage}`,
        );
      }
      const { coopId, legalForm, on } = command;
      const { name, themes, territory } = state;
      const data = { projectId, coopId, legalForm, graduatedOn: on, name, themes, territory };
      return [{ type: 'ProjectGraduated', data }];
    }
  }
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: initialProjectState,
  evolve,
  decide,
};
