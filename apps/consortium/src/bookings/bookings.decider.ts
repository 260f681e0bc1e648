import { ResourceBooked, ResourceBookingEvent } from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';

/** The shared resource as the catalogue has it when the booking is decided. */
export interface BookableResource {
  resourceId: string;
  ownerCoopId: string;
  withdrawn: boolean;
}

export type BookingCommand =
  | {
      type: 'Book';
      resource: BookableResource;
      bookingId: string;
      bookingCoopId: string;
      /** ISO 8601 instants (UTC, as `toISOString` writes them): they compare as strings. */
      from: string;
      to: string;
    }
  | {
      type: 'CancelBooking';
      resourceId: string;
      bookingId: string;
      byCoopId: string;
      cancelledOn: string;
    };

export interface Booking {
  bookingCoopId: string;
  from: string;
  to: string;
  cancelled: boolean;
}

/** Every booking of one resource: what a new one must not overlap. */
export interface BookingsState {
  bookings: ReadonlyMap<string, Booking>;
}

export function evolve(state: BookingsState, event: ResourceBookingEvent): BookingsState {
  const bookings = new Map(state.bookings);
  switch (event.type) {
    case 'ResourceBooked': {
      const { bookingId, bookingCoopId, from, to } = event.data;
      bookings.set(bookingId, { bookingCoopId, from, to, cancelled: false });
      break;
    }
    case 'BookingCancelled': {
      const booking = bookings.get(event.data.bookingId);
      if (booking) bookings.set(event.data.bookingId, { ...booking, cancelled: true });
      break;
    }
  }
  return { bookings };
}

/** Half-open ranges: one booking may start the instant another ends. */
function overlaps(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from < b.to && b.from < a.to;
}

export function decide(command: BookingCommand, state: BookingsState): ResourceBookingEvent[] {
  switch (command.type) {
    case 'Book': {
      const { resource, bookingId, bookingCoopId, from, to } = command;
      if (resource.withdrawn) {
        throw new RuleViolation('resource_withdrawn', 'the resource is no longer shared');
      }
      if (!(from < to))
        throw new RuleViolation('booking_ends_after_it_starts', 'from must be before to');
      if (state.bookings.has(bookingId)) {
        throw new StateConflict(`booking ${bookingId} is already recorded`);
      }
      const clash = [...state.bookings.values()].find(
        (booking) => !booking.cancelled && overlaps(booking, command),
      );
      if (clash) {
        throw new StateConflict(
          `the resource is booked from ${clash.from} to ${clash.to}`,
          'booking_overlaps',
        );
      }
      const booked: ResourceBooked = {
        type: 'ResourceBooked',
        data: {
          resourceId: resource.resourceId,
          bookingId,
          ownerCoopId: resource.ownerCoopId,
          bookingCoopId,
          from,
          to,
        },
      };
      return [booked];
    }
    case 'CancelBooking': {
      const booking = state.bookings.get(command.bookingId);
      if (!booking) throw new NotFound(`no booking ${command.bookingId}`);
      if (booking.bookingCoopId !== command.byCoopId) {
        throw new RuleViolation(
          'cancelled_by_booking_coop',
          `only ${booking.bookingCoopId}, which booked it, may cancel it`,
        );
      }
      if (booking.cancelled) throw new StateConflict('the booking is already cancelled');
      const { resourceId, bookingId, cancelledOn } = command;
      return [{ type: 'BookingCancelled', data: { resourceId, bookingId, cancelledOn } }];
    }
  }
}

export const bookingsDecider: Decider<BookingsState, BookingCommand, ResourceBookingEvent> = {
  initialState: () => ({ bookings: new Map() }),
  evolve,
  decide,
};
