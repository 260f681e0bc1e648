import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { CatalogueModule } from '../catalogue';
import { RegistryModule } from '../registry';
import { BookingHandlers } from './booking.handlers';
import { BookingsController } from './bookings.controller';
import { BookingsQueries } from './bookings.queries';
import { BOOKINGS_READ_SIDE } from './bookings.read-side';
import { BookingsHandler } from './bookings.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(BOOKINGS_READ_SIDE), RegistryModule, CatalogueModule],
  controllers: [BookingsController],
  providers: [BookingsHandler, BookingsQueries, BookingHandlers],
  exports: [BookingsQueries],
})
export class BookingsModule {}
