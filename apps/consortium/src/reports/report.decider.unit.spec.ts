import { ReportEvent } from '@libs/contracts';
import { StateConflict } from '@libs/aggregates';
import { decide, ReportCommand, reportDecider } from './report.decider';

const write = (language: 'fr' | 'it' | 'en', text: string): ReportCommand => ({
  type: 'WriteEditorial',
  quarter: '2027-Q1',
  language,
  text,
  by: 'board-1',
});
const publish: ReportCommand = {
  type: 'Publish',
  quarter: '2027-Q1',
  on: '2027-04-02',
  by: 'board-2',
};
const given = (...events: ReportEvent[]) =>
  events.reduce(reportDecider.evolve, reportDecider.initialState());
const written = (language: 'fr' | 'it' | 'en', text: string) =>
  decide(write(language, text), given())[0];

describe('the quarterly report', () => {
  it('given nothing, when the board writes the French editorial, then it is written by that member', () => {
    expect(decide(write('fr', 'Un trimestre solidaire'), given())).toEqual([
      {
        type: 'EditorialWritten',
        data: {
          quarter: '2027-Q1',
          language: 'fr',
          text: 'Un trimestre solidaire',
          writtenBy: 'board-1',
        },
      },
    ]);
  });

  it('given editorials in two languages, when one is rewritten, then only that one changes', () => {
    const state = given(
      written('fr', 'Un trimestre'),
      written('it', 'Un trimestre'),
      written('fr', 'Un trimestre solidaire'),
    );
    expect(state.editorial).toEqual({ fr: 'Un trimestre solidaire', it: 'Un trimestre' });
  });

  it('given an editorial, when the same text is written again, then nothing is recorded', () => {
    expect(decide(write('en', 'A quarter'), given(written('en', 'A quarter')))).toEqual([]);
  });

  it('given an unpublished report, when the board publishes it, then it is public from that day', () => {
    const events = decide(publish, given());
    expect(events).toEqual([
      {
        type: 'ReportPublished',
        data: { quarter: '2027-Q1', publishedOn: '2027-04-02', publishedBy: 'board-2' },
      },
    ]);
    expect(given(...events).publishedOn).toBe('2027-04-02');
  });

  it('given a published report, when it is published again, then it is refused as a conflict', () => {
    const published = decide(publish, given())[0];
    expect(() => decide(publish, given(published))).toThrow(StateConflict);
  });

  it('given a published report, when the editorial is corrected, then the correction is written', () => {
    const published = decide(publish, given())[0];
    expect(decide(write('it', 'Corretto'), given(published))).toHaveLength(1);
  });
});
