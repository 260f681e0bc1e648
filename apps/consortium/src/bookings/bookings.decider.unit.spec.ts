import { ResourceBookingEvent } from '@libs/contracts';
import { BookingCommand, bookingsDecider, decide } from './bookings.decider';

const R1 = '00000000-0000-4000-8000-0000000000a1';
const resource = { resourceId: R1, ownerCoopId: 'velo-solidaire', withdrawn: false };
let next = 0;
const id = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
const at = (hour: number) => `2027-04-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const book = (from: number, to: number, overrides: Partial<BookingCommand> = {}): BookingCommand =>
  ({
    type: 'Book',
    resource,
    bookingId: id(),
    bookingCoopId: 'habitat-partage',
    from: at(from),
    to: at(to),
    ...overrides,
  }) as BookingCommand;
const given = (...events: ResourceBookingEvent[]) =>
  events.reduce(bookingsDecider.evolve, bookingsDecider.initialState());
const booked = (command: BookingCommand) => decide(command, given())[0];

describe('bookings of one shared resource', () => {
  it('given a booking from 9 to 11, when 10 to 12 is asked, then it is refused: booking_overlaps', () => {
    expect(() => decide(book(10, 12), given(booked(book(9, 11))))).toThrow(
      expect.objectContaining({ rule: 'booking_overlaps' }),
    );
  });

  it('given a booking from 9 to 11, when 11 to 12 is asked (back to back), then it is booked', () => {
    expect(decide(book(11, 12), given(booked(book(9, 11))))).toEqual([
      {
        type: 'ResourceBooked',
        data: expect.objectContaining({ from: at(11), to: at(12), ownerCoopId: 'velo-solidaire' }),
      },
    ]);
  });

  it('given a cancelled booking, when its time is asked again, then it is booked', () => {
    const first = book(9, 11);
    const cancelled = decide(
      {
        type: 'CancelBooking',
        resourceId: R1,
        bookingId: first.bookingId,
        byCoopId: 'habitat-partage',
        cancelledOn: '2027-03-02',
      },
      given(booked(first)),
    );
    expect(cancelled).toEqual([
      {
        type: 'BookingCancelled',
        data: { resourceId: R1, bookingId: first.bookingId, cancelledOn: '2027-03-02' },
      },
    ]);
    expect(decide(book(9, 11), given(booked(first), ...cancelled))).toHaveLength(1);
  });

  it('given a booking, when another coop cancels it, then it is refused', () => {
    const first = book(9, 11);
    expect(() =>
      decide(
        {
          type: 'CancelBooking',
          resourceId: R1,
          bookingId: first.bookingId,
          byCoopId: 'casa-comune',
          cancelledOn: '2027-03-02',
        },
        given(booked(first)),
      ),
    ).toThrow(expect.objectContaining({ rule: 'cancelled_by_booking_coop' }));
  });

  it('given nothing, when a withdrawn resource or an empty range is asked, then it is refused', () => {
    expect(() =>
      decide(book(9, 11, { resource: { ...resource, withdrawn: true } }), given()),
    ).toThrow(expect.objectContaining({ rule: 'resource_withdrawn' }));
    expect(() => decide(book(11, 11), given())).toThrow(
      expect.objectContaining({ rule: 'booking_ends_after_it_starts' }),
    );
  });
});
