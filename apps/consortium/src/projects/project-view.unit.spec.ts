import { pipeline } from './project-view';

describe('a project as the board sees it', () => {
  it('puts each incubated project in its stage’s column, graduated ones in none', () => {
    const p = (stage: 'idea' | 'study', graduated = false) => ({
      stage,
      themes: ['mobility' as const],
      graduation: graduated
        ? { coopId: 'c', legalForm: 'scop' as const, graduatedOn: '2027-01-01' }
        : null,
    });
    const { byStage, byTheme } = pipeline([p('idea'), p('study'), p('study', true)]);
    expect(byStage.idea).toHaveLength(1);
    expect(byStage.study).toHaveLength(1);
    expect(byTheme).toEqual({ mobility: { idea: 1, study: 1, constitution: 0 } });
  });
});
