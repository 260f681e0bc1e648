import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { ResourceBookingEvent } from '@libs/contracts';
import { BookingCommand, bookingsDecider } from './bookings.decider';

const R1 = '00000000-0000-4000-8000-0000000000a1';
const resource = { resourceId: R1, ownerCoopId: 'velo-solidaire', withdrawn: false };
const bookingId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (hour: number) => `2027-04-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** Booking n asks for the resource from one hour to another. */
const book = (n: number, from: number, to: number, asked = resource): BookingCommand => ({
  type: 'Book',
  resource: asked,
  bookingId: bookingId(n),
  bookingCoopId: 'habitat-partage',
  from: at(from),
  to: at(to),
});
const booked = (n: number, from: number, to: number): ResourceBookingEvent => ({
  type: 'ResourceBooked',
  data: {
    resourceId: R1,
    bookingId: bookingId(n),
    ownerCoopId: 'velo-solidaire',
    bookingCoopId: 'habitat-partage',
    from: at(from),
    to: at(to),
  },
});
const cancel = (n: number, byCoopId = 'habitat-partage'): BookingCommand => ({
  type: 'CancelBooking',
  resourceId: R1,
  bookingId: bookingId(n),
  byCoopId,
  cancelledOn: '2027-03-02',
});
const cancelled = (n: number): ResourceBookingEvent => ({
  type: 'BookingCancelled',
  data: { resourceId: R1, bookingId: bookingId(n), cancelledOn: '2027-03-02' },
});

const bookings = DeciderSpecification.for(bookingsDecider);

describe('bookings of one shared resource', () => {
  it('given a booking from 9 to 11, when 10 to 12 is asked, then it is refused: booking_overlaps', () => {
    bookings
      .given([booked(1, 9, 11)])
      .when(book(2, 10, 12))
      .thenThrows(StateConflict, { rule: 'booking_overlaps' });
  });

  it('given a booking from 9 to 11, when 11 to 12 is asked (back to back), then it is booked', () => {
    bookings
      .given([booked(1, 9, 11)])
      .when(book(2, 11, 12))
      .then([booked(2, 11, 12)]);
  });

  it('given a cancelled booking, when its time is asked again, then it is booked', () => {
    bookings
      .given([booked(1, 9, 11)])
      .when(cancel(1))
      .then([cancelled(1)]);
    bookings
      .given([booked(1, 9, 11), cancelled(1)])
      .when(book(2, 9, 11))
      .then([booked(2, 9, 11)]);
  });

  it('given a booking, when another coop cancels it, then it is refused', () => {
    bookings
      .given([booked(1, 9, 11)])
      .when(cancel(1, 'casa-comune'))
      .thenThrows(RuleViolation, { rule: 'cancelled_by_booking_coop' });
  });

  it('given nothing, when a withdrawn resource or an empty range is asked, then it is refused', () => {
    bookings
      .given()
      .when(book(1, 9, 11, { ...resource, withdrawn: true }))
      .thenThrows(RuleViolation, { rule: 'resource_withdrawn' });
    bookings
      .given()
      .when(book(1, 11, 11))
      .thenThrows(RuleViolation, { rule: 'booking_ends_after_it_starts' });
  });
});
