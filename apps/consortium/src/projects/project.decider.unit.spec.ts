import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { ProjectEvent, ProjectStage, SealedPersonalData } from '@libs/contracts';
import { ProjectCommand, projectDecider } from './project.decider';

const P1 = '00000000-0000-4000-8000-000000000001';
const M1 = '00000000-0000-4000-8000-0000000000f1';
const eur = (hundredths: number) => ({ unit: 'EUR' as const, hundredths });

const opening = {
  projectId: P1,
  name: 'Ciclofficina di quartiere',
  themes: ['mobility', 'work'],
  territory: 'Torino',
  stage: 'idea',
  contact: null,
} satisfies Omit<Extract<ProjectCommand, { type: 'Open' }>, 'type' | 'on'>;
const open: ProjectCommand = { type: 'Open', ...opening, on: '2027-01-10' };
const opened = (contact: SealedPersonalData | null = null): ProjectEvent => ({
  type: 'ProjectOpened',
  data: { ...opening, contact, openedOn: '2027-01-10' },
});

const stage = (to: ProjectStage, on: string): ProjectCommand => ({
  type: 'ChangeStage',
  stage: to,
  on,
});
const stageChanged = (from: ProjectStage, to: ProjectStage, on: string): ProjectEvent => ({
  type: 'ProjectStageChanged',
  data: { projectId: P1, from, stage: to, on },
});

const movement = (direction: 'in' | 'out', hundredths: number) => ({
  movementId: M1,
  direction,
  amount: eur(hundredths),
  on: '2027-02-01',
  counterpart: 'Fondazione',
});
const funds = (direction: 'in' | 'out', hundredths: number): ProjectCommand => ({
  type: 'MoveFunds',
  ...movement(direction, hundredths),
});
const fundsMoved = (direction: 'in' | 'out', hundredths: number): ProjectEvent => ({
  type: 'ProjectFundsMoved',
  data: { projectId: P1, ...movement(direction, hundredths) },
});

const graduate: ProjectCommand = {
  type: 'Graduate',
  coopId: 'ciclofficina',
  legalForm: 'scop',
  on: '2027-06-01',
};

const project = DeciderSpecification.for(projectDecider);

describe('a project the consortium incubates', () => {
  it('given nothing, when opened, then it is opened at its first stage on that day', () => {
    project.given().when(open).then([opened()]);
  });

  it('given an idea, when it moves to study, then the stage change is dated', () => {
    project
      .given([opened()])
      .when(stage('study', '2027-02-01'))
      .then([stageChanged('idea', 'study', '2027-02-01')]);
  });

  it('given a study begun on 1 February, when a stage change is dated before it, then it is refused', () => {
    const studying = [opened(), stageChanged('idea', 'study', '2027-02-01')];
    project
      .given(studying)
      .when(stage('constitution', '2027-01-31'))
      .thenThrows(RuleViolation, { rule: 'project_stage_before_previous' });
    project
      .given(studying)
      .when(stage('study', '2027-03-01'))
      .thenThrows(RuleViolation, { rule: 'project_stage_unchanged' });
  });

  it('given an opened project, when it is opened again, then it is a conflict', () => {
    project.given([opened()]).when(open).thenThrows(StateConflict);
  });

  it('given hours of a coop, when recorded, then they carry the project’s first theme', () => {
    const support = {
      supportId: '00000000-0000-4000-8000-0000000000f2',
      kind: 'mentoring',
      hours: 1200,
      amount: null,
      byCoopId: 'velo-solidaire',
      on: '2027-02-03',
    } as const;
    project
      .given([opened()])
      .when({ type: 'Support', ...support })
      .then([{ type: 'ProjectSupported', data: { projectId: P1, ...support, theme: 'mobility' } }]);
  });

  it('given 100.00 EUR held, when 100.01 go out, then it is refused; 100.00 go', () => {
    const holding = [opened(), fundsMoved('in', 10_000)];
    project
      .given(holding)
      .when(funds('out', 10_001))
      .thenThrows(RuleViolation, { rule: 'project_funds_insufficient' });
    project
      .given(holding)
      .when(funds('out', 10_000))
      .then([fundsMoved('out', 10_000)])
      .andState({ balances: { EUR: 0n } });
  });

  it('given sums beyond 2^53 hundredths, then the balance stays exact', () => {
    const big = 99_999_999_999;
    const received = Array.from({ length: 100_000 }, () => fundsMoved('in', big));
    project
      .given([opened(), ...received])
      .when(funds('out', 1))
      .then([fundsMoved('out', 1)])
      .andState({ balances: { EUR: BigInt(big) * 100_000n - 1n } });
  });

  it('given a project at study, when it graduates, then it is refused; at constitution it graduates', () => {
    project
      .given([opened(), stageChanged('idea', 'study', '2027-02-01')])
      .when(graduate)
      .thenThrows(RuleViolation, { rule: 'project_not_in_constitution' });
    const constituting = [opened(), stageChanged('idea', 'constitution', '2027-05-01')];
    const graduated: ProjectEvent = {
      type: 'ProjectGraduated',
      data: {
        projectId: P1,
        coopId: 'ciclofficina',
        legalForm: 'scop',
        graduatedOn: '2027-06-01',
        name: opening.name,
        themes: opening.themes,
        territory: opening.territory,
      },
    };
    project
      .given(constituting)
      .when(graduate)
      .then([graduated])
      .andState({ graduatedAs: 'ciclofficina' });
    project
      .given([...constituting, graduated])
      .when(funds('in', 1))
      .thenThrows(RuleViolation, { rule: 'project_graduated' });
  });

  it('given a contact, when erased twice, then only the first erasure is recorded', () => {
    const contact = { keyId: M1, iv: 'aXY=', ciphertext: 'Yw==', tag: 'dA==' };
    const erase: ProjectCommand = { type: 'EraseContact', on: '2027-03-01' };
    const erased: ProjectEvent = {
      type: 'ProjectContactErased',
      data: { projectId: P1, erasedOn: '2027-03-01' },
    };
    project
      .given([opened(contact)])
      .when(erase)
      .then([erased]);
    project
      .given([opened(contact), erased])
      .when(erase)
      .thenNothingHappened();
    project.given([opened()]).when(erase).thenNothingHappened();
  });
});
