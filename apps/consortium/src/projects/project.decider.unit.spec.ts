import { RuleViolation, StateConflict } from '@libs/aggregates';
import { decide, ProjectCommand, projectDecider, ProjectState } from './project.decider';

const P1 = '00000000-0000-4000-8000-000000000001';
let next = 1;
const id = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
const eur = (hundredths: number) => ({ unit: 'EUR' as const, hundredths });

const open: ProjectCommand = {
  type: 'Open',
  projectId: P1,
  name: 'Ciclofficina di quartiere',
  themes: ['mobility', 'work'],
  territory: 'Torino',
  stage: 'idea',
  on: '2027-01-10',
  contact: null,
};
const stage = (to: 'idea' | 'study' | 'constitution', on: string): ProjectCommand => ({
  type: 'ChangeStage',
  stage: to,
  on,
});
const funds = (direction: 'in' | 'out', hundredths: number): ProjectCommand => ({
  type: 'MoveFunds',
  movementId: id(),
  direction,
  amount: eur(hundredths),
  on: '2027-02-01',
  counterpart: 'Fondazione',
});

const given = (...commands: ProjectCommand[]): ProjectState =>
  commands.reduce(
    (state, command) => decide(command, state).reduce(projectDecider.evolve, state),
    projectDecider.initialState(),
  );

describe('a project the consortium incubates', () => {
  it('given an idea, when it moves to study, then the stage change is dated', () => {
    expect(decide(stage('study', '2027-02-01'), given(open))).toEqual([
      {
        type: 'ProjectStageChanged',
        data: { projectId: P1, from: 'idea', stage: 'study', on: '2027-02-01' },
      },
    ]);
  });

  it('given a study begun on 1 February, when a stage change is dated before it, then it is refused', () => {
    const state = given(open, stage('study', '2027-02-01'));
    expect(() => decide(stage('constitution', '2027-01-31'), state)).toThrow(
      expect.objectContaining({ rule: 'project_stage_before_previous' }),
    );
    expect(() => decide(stage('study', '2027-03-01'), state)).toThrow(
      expect.objectContaining({ rule: 'project_stage_unchanged' }),
    );
  });

  it('given no project, when it is opened twice, then the second is a conflict', () => {
    expect(() => decide(open, given(open))).toThrow(StateConflict);
  });

  it('given hours of a coop, when recorded, then they carry the project’s first theme', () => {
    const [event] = decide(
      {
        type: 'Support',
        supportId: id(),
        kind: 'mentoring',
        hours: 1200,
        amount: null,
        byCoopId: 'velo-solidaire',
        on: '2027-02-03',
      },
      given(open),
    );
    expect(event.data).toMatchObject({
      byCoopId: 'velo-solidaire',
      hours: 1200,
      theme: 'mobility',
    });
  });

  it('given 100.00 EUR held, when 100.01 go out, then it is refused; 100.00 go', () => {
    const state = given(open, funds('in', 10_000));
    expect(() => decide(funds('out', 10_001), state)).toThrow(
      expect.objectContaining({ rule: 'project_funds_insufficient' }),
    );
    expect(given(open, funds('in', 10_000), funds('out', 10_000)).balances).toEqual({ EUR: 0n });
  });

  it('given sums beyond 2^53 hundredths, then the balance stays exact', () => {
    const big = 99_999_999_999;
    const state = given(open, ...Array.from({ length: 100_000 }, () => funds('in', big)));
    expect(state.balances.EUR).toBe(BigInt(big) * 100_000n);
  });

  it('given a project at study, when it graduates, then it is refused; at constitution it graduates', () => {
    const graduate: ProjectCommand = {
      type: 'Graduate',
      coopId: 'ciclofficina',
      legalForm: 'scop',
      on: '2027-06-01',
    };
    expect(() => decide(graduate, given(open, stage('study', '2027-02-01')))).toThrow(
      expect.objectContaining({ rule: 'project_not_in_constitution' }),
    );
    const graduated = given(open, stage('constitution', '2027-05-01'), graduate);
    expect(graduated.graduatedAs).toBe('ciclofficina');
    expect(() => decide(funds('in', 1), graduated)).toThrow(RuleViolation);
  });

  it('given a contact, when erased twice, then only the first erasure is recorded', () => {
    const withContact = given({
      ...open,
      contact: { keyId: id(), iv: 'aXY=', ciphertext: 'Yw==', tag: 'dA==' },
    } as ProjectCommand);
    const erase: ProjectCommand = { type: 'EraseContact', on: '2027-03-01' };
    expect(decide(erase, withContact)).toHaveLength(1);
    expect(decide(erase, given(open))).toEqual([]);
  });
});
