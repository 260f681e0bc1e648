import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { Theme } from './vocabulary';

/** Stream: `coop/<coopId>/training/<trainingId>`: a training the coop offers other coops. */
export const TRAINING_AGGREGATE = 'training';

/** What a participant pays: money, hours of exchange (hundredths), or nothing. */
export type TrainingPrice =
  { type: 'free' } | { type: 'money'; amount: Money } | { type: 'hours'; hours: number };

export type TrainingOffered = DomainEvent<
  'TrainingOffered',
  {
    trainingId: string;
    title: string;
    theme: Theme;
    /** An ISO 8601 instant (UTC). */
    startsAt: string;
    /** Hours per participant, in hundredths. */
    hours: number;
    places: number;
    price: TrainingPrice;
    /** A language tag, `fr`, `it`, `en`… */
    language: string;
    offeredOn: string;
  }
>;

export type TrainingEvent = TrainingOffered;
