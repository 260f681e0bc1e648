import { ReportEvent, ReportLanguage } from '@libs/contracts';
import { Decider, StateConflict } from '@libs/aggregates';

export type ReportCommand =
  | { type: 'WriteEditorial'; quarter: string; language: ReportLanguage; text: string; by: string }
  | { type: 'Publish'; quarter: string; on: string; by: string };

/** What the board wrote for a quarter, and whether it made it public. */
export interface ReportState {
  editorial: Partial<Record<ReportLanguage, string>>;
  publishedOn: string | null;
}

export function evolve(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'EditorialWritten':
      return {
        ...state,
        editorial: { ...state.editorial, [event.data.language]: event.data.text },
      };
    case 'ReportPublished':
      return { ...state, publishedOn: event.data.publishedOn };
  }
}

/**
 * The board writes an editorial per language, and may correct it after publication (the public
 * page then shows the correction); a report is published once.
 */
export function decide(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'WriteEditorial': {
      // The same text again changes nothing: a retried save writes no second event.
      if (state.editorial[command.language] === command.text) return [];
      const { quarter, language, text, by } = command;
      return [{ type: 'EditorialWritten', data: { quarter, language, text, writtenBy: by } }];
    }
    case 'Publish':
      if (state.publishedOn) {
        throw new StateConflict(`the report of ${command.quarter} is already published`);
      }
      return [
        {
          type: 'ReportPublished',
          data: { quarter: command.quarter, publishedOn: command.on, publishedBy: command.by },
        },
      ];
  }
}

export const reportDecider: Decider<ReportState, ReportCommand, ReportEvent> = {
  initialState: () => ({ editorial: {}, publishedOn: null }),
  evolve,
  decide,
};
