import { DomainEvent } from '../domain-event';
import { SealedPersonalData } from '../coop/membership-events';
import { LegalForm, Theme } from '../coop/vocabulary';
import { Money } from '../quantity';

/**
 * Stream: `consortium/project/<projectId>`: one citizen project the consortium hosts (incubates)
 * before it is a coop of its own, from its idea to its graduation.
 */
export const PROJECT_AGGREGATE = 'project';

export const PROJECT_STAGES = ['idea', 'study', 'constitution'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const SUPPORT_KINDS = ['mentoring', 'training', 'hosting', 'funding'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * The contact person is personal data: sealed with a key of the project's own, kept in the
 * consortium's database only, so that destroying the key erases them from every copy of the log.
 */
export type ProjectOpened = DomainEvent<
  'ProjectOpened',
  {
    projectId: string;
    name: string;
    themes: Theme[];
    territory: string;
    stage: ProjectStage;
    openedOn: string;
    contact: SealedPersonalData | null;
  }
>;

export type ProjectStageChanged = DomainEvent<
  'ProjectStageChanged',
  { projectId: string; from: ProjectStage; stage: ProjectStage; on: string }
>;

/**
 * Support given to a project: hours (in hundredths) or money, and the member coop that gave it,
 * if one did: hours given by a coop count in its non-monetary hours in the pooled means.
 */
export type ProjectSupported = DomainEvent<
  'ProjectSupported',
  {
    projectId: string;
    supportId: string;
    kind: SupportKind;
    hours: number | null;
    amount: Money | null;
    byCoopId: string | null;
    /** The project's first theme: the theme the pooled means count the hours under. */
    theme: Theme;
    on: string;
  }
>;

/** Money the consortium holds for the project, in or out: the balance never goes below zero. */
export type ProjectFundsMoved = DomainEvent<
  'ProjectFundsMoved',
  {
    projectId: string;
    movementId: string;
    direction: 'in' | 'out';
    amount: Money;
    on: string;
    counterpart: string;
  }
>;

/** The contact's key is destroyed: their sealed data no longer opens anywhere. */
export type ProjectContactErased = DomainEvent<
  'ProjectContactErased',
  { projectId: string; erasedOn: string }
>;

/**
 * The project became a coop: it enters the registry as an applicant under `coopId`, with the
 * project's name, themes and territory until the coop's own profile says otherwise.
 */
export type ProjectGraduated = DomainEvent<
  'ProjectGraduated',
  {
    projectId: string;
    coopId: string;
    legalForm: LegalForm;
    graduatedOn: string;
    name: string;
    themes: Theme[];
    territory: string;
  }
>;

/** A stage the project went through: entered `from`, left `to` (null: still in it). */
export interface StageSpell {
  stage: ProjectStage;
  from: string;
  to: string | null;
}

/** Support as the project's history lists it (`ProjectSupported` without its stream's ids). */
export interface SupportGiven {
  supportId: string;
  kind: SupportKind;
  /** Hundredths of an hour. */
  hours: number | null;
  amount: Money | null;
  byCoopId: string | null;
  on: string;
}

/** Money held for the project, as its history lists it. */
export interface FundsMovement {
  movementId: string;
  direction: 'in' | 'out';
  amount: Money;
  on: string;
  counterpart: string;
}

export type ProjectEvent =
  | ProjectOpened
  | ProjectStageChanged
  | ProjectSupported
  | ProjectFundsMoved
  | ProjectContactErased
  | ProjectGraduated;
