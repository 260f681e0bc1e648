import {
  consortiumStream,
  coopOfStream,
  coopStream,
  ParticipantsEnrolled,
  Theme,
  TRAINING_AGGREGATE,
  TRAINING_ENROLMENTS_AGGREGATE,
  TrainingOffered,
  TrainingPrice,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** A training some coop offers, and how many places other coops have taken. */
export interface OfferedTraining {
  /** `coop/<coopId>/training/<trainingId>`: unique across coops. */
  streamId: string;
  trainingId: string;
  coopId: string;
  title: string;
  theme: Theme;
  /** An ISO 8601 instant (UTC), fixed width: sorts as it reads. */
  startsAt: string;
  /** Hours per participant, in hundredths (`bigint` column: read back as a string). */
  hours: string;
  places: number;
  enrolled: number;
  price: TrainingPrice;
  language: string;
  offeredOn: string;
}

export const OFFERED_TRAINING_EVENT_TYPES = [
  'TrainingOffered',
  'ParticipantsEnrolled',
] as const satisfies (TrainingOffered | ParticipantsEnrolled)['type'][];

/**
 * The training's own stream: a coop's offer on its training stream; an enrolment on the
 * consortium's enrolment stream of that training, keyed to the providing coop's training.
 */
export function offeredTrainingOf(event: RecordedEvent): string | null {
  const data = event.data as { trainingId?: unknown; providerCoopId?: unknown };
  if (typeof data.trainingId !== 'string') return null;
  if (event.type === 'ParticipantsEnrolled') {
    return typeof data.providerCoopId === 'string' &&
      event.streamId === consortiumStream(TRAINING_ENROLMENTS_AGGREGATE, data.trainingId)
      ? coopStream(data.providerCoopId, TRAINING_AGGREGATE, data.trainingId)
      : null;
  }
  const coopId = coopOfStream(event.streamId);
  return coopId && event.streamId === coopStream(coopId, TRAINING_AGGREGATE, data.trainingId)
    ? event.streamId
    : null;
}

export function evolveOfferedTraining(
  training: OfferedTraining | undefined,
  recorded: RecordedEvent,
  streamId: string,
): OfferedTraining | null {
  const event = recorded as unknown as TrainingOffered | ParticipantsEnrolled;
  switch (event.type) {
    case 'TrainingOffered': {
      if (training) return training;
      const { hours, ...offer } = event.data;
      return {
        ...offer,
        streamId,
        coopId: coopOfStream(streamId)!,
        hours: String(hours),
        enrolled: 0,
      };
    }
    case 'ParticipantsEnrolled':
      return training
        ? { ...training, enrolled: training.enrolled + event.data.participants }
        : null;
  }
}
