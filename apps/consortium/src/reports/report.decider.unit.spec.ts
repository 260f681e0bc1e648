import { DeciderSpecification, StateConflict } from '@libs/aggregates';
import { ReportEvent, ReportLanguage } from '@libs/contracts';
import { ReportCommand, reportDecider } from './report.decider';

const write = (language: ReportLanguage, text: string): ReportCommand => ({
  type: 'WriteEditorial',
  quarter: '2027-Q1',
  language,
  text,
  by: 'board-1',
});
const written = (language: ReportLanguage, text: string): ReportEvent => ({
  type: 'EditorialWritten',
  data: { quarter: '2027-Q1', language, text, writtenBy: 'board-1' },
});
const publish: ReportCommand = {
  type: 'Publish',
  quarter: '2027-Q1',
  on: '2027-04-02',
  by: 'board-2',
};
const published: ReportEvent = {
  type: 'ReportPublished',
  data: { quarter: '2027-Q1', publishedOn: '2027-04-02', publishedBy: 'board-2' },
};

const report = DeciderSpecification.for(reportDecider);

describe('the quarterly report', () => {
  it('given nothing, when the board writes the French editorial, then it is written by that member', () => {
    report
      .given()
      .when(write('fr', 'Un trimestre solidaire'))
      .then([written('fr', 'Un trimestre solidaire')]);
  });

  it('given editorials in two languages, when one is rewritten, then only that one changes', () => {
    report
      .given([written('fr', 'Un trimestre'), written('it', 'Un trimestre')])
      .when(write('fr', 'Un trimestre solidaire'))
      .then([written('fr', 'Un trimestre solidaire')])
      .andState({ editorial: { fr: 'Un trimestre solidaire', it: 'Un trimestre' } });
  });

  it('given an editorial, when the same text is written again, then nothing is recorded', () => {
    report
      .given([written('en', 'A quarter')])
      .when(write('en', 'A quarter'))
      .thenNothingHappened();
  });

  it('given an unpublished report, when the board publishes it, then it is public from that day', () => {
    report.given().when(publish).then([published]).andState({ publishedOn: '2027-04-02' });
  });

  it('given a published report, when it is published again, then it is refused as a conflict', () => {
    report.given([published]).when(publish).thenThrows(StateConflict);
  });

  it('given a published report, when the editorial is corrected, then the correction is written', () => {
    report
      .given([published])
      .when(write('it', 'Corretto'))
      .then([written('it', 'Corretto')]);
  });
});
