import { DomainEvent } from '../domain-event';
import { Theme } from '../coop/vocabulary';

/**
 * Stream: `consortium/training-enrolments/<trainingId>`: every enrolment in one coop's training,
 * in one stream, so that the places are decided one enrolment at a time.
 */
export const TRAINING_ENROLMENTS_AGGREGATE = 'training-enrolments';

/**
 * Participants of one coop enrolled in another coop's training. It carries what the pooled means
 * count (the hours the providing coop gives, its theme and month) so that no reader needs the
 * training's own stream.
 */
export type ParticipantsEnrolled = DomainEvent<
  'ParticipantsEnrolled',
  {
    trainingId: string;
    enrolmentId: string;
    providerCoopId: string;
    enrollingCoopId: string;
    participants: number;
    /** Hours per participant, in hundredths. */
    hours: number;
    theme: Theme;
    /** The month the training starts: when the hours are given. */
    month: string;
    enrolledOn: string;
  }
>;

export type TrainingEnrolmentEvent = ParticipantsEnrolled;

/**
 * Stream: `consortium/resource-bookings/<resourceId>`: every booking of one shared resource, in
 * one stream, so that two bookings are never decided apart (they would overlap).
 */
export const RESOURCE_BOOKINGS_AGGREGATE = 'resource-bookings';

export type ResourceBooked = DomainEvent<
  'ResourceBooked',
  {
    resourceId: string;
    bookingId: string;
    ownerCoopId: string;
    bookingCoopId: string;
    /** ISO 8601 instants (UTC); `to` is excluded: a booking may start when another ends. */
    from: string;
    to: string;
  }
>;

export type BookingCancelled = DomainEvent<
  'BookingCancelled',
  { resourceId: string; bookingId: string; cancelledOn: string }
>;

export type ResourceBookingEvent = ResourceBooked | BookingCancelled;

/** Stream: `consortium/exchange/<exchangeId>`: hours one coop gave another. */
export const EXCHANGE_AGGREGATE = 'exchange';

export const EXCHANGE_KINDS = ['skill_exchange', 'volunteering', 'training'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

interface ExchangeTerms {
  exchangeId: string;
  fromCoopId: string;
  toCoopId: string;
  /** In hundredths of an hour. */
  hours: number;
  kind: ExchangeKind;
  theme: Theme;
  on: string;
}

export type HoursGiven = DomainEvent<'HoursGiven', ExchangeTerms & { note: string | null }>;

/**
 * The receiving coop confirms: only then do the hours count. It repeats the exchange's terms, so
 * that the time accounts and the pooled means read it alone.
 */
export type HoursConfirmed = DomainEvent<'HoursConfirmed', ExchangeTerms & { confirmedOn: string }>;

export type ExchangeEvent = HoursGiven | HoursConfirmed;

export type PoolingEvent = TrainingEnrolmentEvent | ResourceBookingEvent | ExchangeEvent;
