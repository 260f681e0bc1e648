import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { NotFound } from '@libs/aggregates';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, pageOf } from '@libs/api-conventions';
import { ResourceBookingRow } from './resource-booking.entity';
import { BookingResponse, BookingsQuery } from './bookings.dto';

const BOOKINGS_CURSOR = new PageCursor<[string, string]>('bookings');

/** The bookings of shared resources: the one door to `resource_bookings`. */
@Injectable()
export class BookingsQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A resource's bookings not cancelled that meet `[from, to)`, earliest first. */
  async ofResource(resourceId: string, query: BookingsQuery): Promise<Page<BookingResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = BOOKINGS_CURSOR.read(query.cursor);
    const builder = this.db
      .getRepository(ResourceBookingRow)
      .createQueryBuilder('b')
      .where({ resourceId, cancelledOn: IsNull() })
      .orderBy('b.starts_at')
      .addOrderBy('b.booking_id')
      .limit(limit + 1);
    if (query.from)
      builder.andWhere('b.ends_at > :from', { from: new Date(query.from).toISOString() });
    if (query.to) builder.andWhere('b.starts_at < :to', { to: new Date(query.to).toISOString() });
    if (Array.isArray(after) && after.length === 2) {
      builder.andWhere('(b.starts_at, b.booking_id) > (:afterFrom, :afterId::uuid)', {
        afterFrom: after[0],
        afterId: after[1],
      });
    }
    const rows = await builder.getMany();
    return pageOf(
      rows,
      limit,
      ({ cancelledOn: _cancelled, ...booking }) => booking,
      (row) => [row.from, row.bookingId],
      BOOKINGS_CURSOR,
    );
  }

  /** The resource a booking is of; 404 if there is no such booking. */
  async resourceOf(bookingId: string): Promise<string> {
    const row = await this.db.getRepository(ResourceBookingRow).findOneBy({ bookingId });
    if (!row) throw new NotFound(`no booking ${bookingId}`);
    return row.resourceId;
  }
}
