import { ReadSide } from '@libs/projections';
import { ResourceBookings1765418000002 } from './migrations/1765418000002-resource-bookings';
import { ResourceBookingRow } from './resource-booking.entity';
import { resourceBookingsProjection } from './resource-bookings.projection';

export const BOOKINGS_READ_SIDE: ReadSide = {
  entities: [ResourceBookingRow],
  migrations: [ResourceBookings1765418000002],
  projections: () => [resourceBookingsProjection],
};
