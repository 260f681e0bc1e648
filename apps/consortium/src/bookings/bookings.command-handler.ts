import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { RESOURCE_BOOKINGS_AGGREGATE, ResourceBookingEvent } from '@libs/contracts';
import { BookingCommand, bookingsDecider, BookingsState } from './bookings.decider';

/** A command for the bookings of one shared resource, sent on the CommandBus. */
export class BookingsChange extends AggregateCommand<
  BookingCommand,
  BookingsState,
  ResourceBookingEvent
> {}

@CommandHandler(BookingsChange)
export class BookingsHandler extends handlerOf(RESOURCE_BOOKINGS_AGGREGATE, bookingsDecider) {}
