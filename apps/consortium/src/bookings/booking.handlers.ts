import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

import { CommandMeta, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { BookingsChange } from './bookings.command-handler';
import { CatalogueQueries } from '../catalogue';
import { BookingCommand } from './bookings.decider';
import { BookDto } from './bookings.dto';
import { BookingsQueries } from './bookings.queries';

/** Enough attempts for a burst of clients on one resource: each attempt lets one through. */
const BOOKING_ATTEMPTS = 25;

/**
 * Bookings and cancellations of one resource go to one stream, so that the expected-version check
 * decides them one at a time: two overlapping bookings sent at once are never both accepted.
 */
@Injectable()
export class BookingHandlers {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly catalogue: CatalogueQueries,
    private readonly bookings: BookingsQueries,
  ) {}

  async book(resourceId: string, bookingCoopId: string, dto: BookDto, meta: CommandMeta) {
    const shared = await this.catalogue.sharedBy(resourceId);
    const bookingId = dto.bookingId ?? randomUUID();
    await this.run(resourceId, bookingCoopId, meta, {
      type: 'Book',
      resource: { resourceId, ownerCoopId: shared.coopId, withdrawn: shared.withdrawn },
      bookingId,
      bookingCoopId,
      // One way of writing an instant in the events: ranges compare as strings.
      from: new Date(dto.from).toISOString(),
      to: new Date(dto.to).toISOString(),
    });
    return { bookingId };
  }

  async cancel(bookingId: string, byCoopId: string, meta: CommandMeta): Promise<void> {
    const resourceId = await this.bookings.resourceOf(bookingId);
    await this.run(resourceId, byCoopId, meta, {
      type: 'CancelBooking',
      resourceId,
      bookingId,
      byCoopId,
      cancelledOn: today(),
    });
  }

  private run(resourceId: string, coopId: string, meta: CommandMeta, command: BookingCommand) {
    return this.commandBus.execute(
      new BookingsChange(resourceId, command, meta, {
        aboutCoop: coopId,
        ...{ maxAttempts: BOOKING_ATTEMPTS },
      }),
    );
  }
}
