import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RegistryModule } from '../registry/registry.module';
import { BookingHandlers } from './booking.handlers';
import { BookingsController } from './bookings.controller';
import { BookingsQueries } from './bookings.queries';

@Module({
  imports: [RegistryModule, CatalogueModule],
  controllers: [BookingsController],
  providers: [BookingsQueries, BookingHandlers],
  exports: [BookingsQueries],
})
export class BookingsModule {}
