/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { BOOKINGS_READ_SIDE } from './bookings.read-side';
export { BookingsModule } from './bookings.module';
