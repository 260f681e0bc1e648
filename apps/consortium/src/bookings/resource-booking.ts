import {
  consortiumStream,
  RESOURCE_BOOKINGS_AGGREGATE,
  ResourceBookingEvent,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** A booking of a shared resource, cancelled or not. */
export interface ResourceBooking {
  bookingId: string;
  resourceId: string;
  ownerCoopId: string;
  bookingCoopId: string;
  /** ISO 8601 instants (UTC), fixed width: they compare as strings. */
  from: string;
  to: string;
  cancelledOn: string | null;
}

export const RESOURCE_BOOKING_EVENT_TYPES = [
  'ResourceBooked',
  'BookingCancelled',
] as const satisfies ResourceBookingEvent['type'][];

/** The booking an event is about, when it lies on its resource's bookings stream. */
export function resourceBookingOf(event: RecordedEvent): string | null {
  const { resourceId, bookingId } = event.data as { resourceId?: unknown; bookingId?: unknown };
  return typeof resourceId === 'string' &&
    typeof bookingId === 'string' &&
    event.streamId === consortiumStream(RESOURCE_BOOKINGS_AGGREGATE, resourceId)
    ? bookingId
    : null;
}

export function evolveResourceBooking(
  booking: ResourceBooking | undefined,
  recorded: RecordedEvent,
): ResourceBooking | null {
  const event = recorded as unknown as ResourceBookingEvent;
  switch (event.type) {
    case 'ResourceBooked':
      return { ...event.data, cancelledOn: null };
    case 'BookingCancelled':
      return booking ? { ...booking, cancelledOn: event.data.cancelledOn } : null;
  }
}
