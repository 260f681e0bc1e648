import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ResourceBooking } from './resource-booking';

/** `resource_bookings`: every booking of a shared resource, as `evolveResourceBooking` folds it. */
@Entity({ name: 'resource_bookings' })
export class ResourceBookingRow implements ResourceBooking {
  @PrimaryColumn('uuid', { name: 'booking_id' })
  bookingId!: string;

  @Column('uuid', { name: 'resource_id' })
  resourceId!: string;

  @Column('text', { name: 'owner_coop_id' })
  ownerCoopId!: string;

  @Column('text', { name: 'booking_coop_id' })
  bookingCoopId!: string;

  @Column('text', { name: 'starts_at' })
  from!: string;

  @Column('text', { name: 'ends_at' })
  to!: string;

  @Column('date', { name: 'cancelled_on', nullable: true })
  cancelledOn!: string | null;
}
