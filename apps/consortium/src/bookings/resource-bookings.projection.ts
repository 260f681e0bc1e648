import { rowProjection } from '@libs/projections';
import {
  evolveResourceBooking,
  RESOURCE_BOOKING_EVENT_TYPES,
  resourceBookingOf,
} from './resource-booking';
import { ResourceBookingRow } from './resource-booking.entity';

/** `resource_bookings` from the consortium's bookings streams. */
export const resourceBookingsProjection = rowProjection<ResourceBookingRow>({
  name: 'resource_bookings',
  version: 1,
  eventTypes: [...RESOURCE_BOOKING_EVENT_TYPES],
  entity: ResourceBookingRow,
  key: resourceBookingOf,
  evolve: evolveResourceBooking,
});
