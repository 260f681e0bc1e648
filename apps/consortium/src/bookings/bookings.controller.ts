import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import { AdmittedCoops } from '../admitted-coops';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';
import { BookingHandlers } from './booking.handlers';
import { BookDto, BookingIdResponse, BookingPage, BookingsQuery } from './bookings.dto';
import { BookingsQueries } from './bookings.queries';

/** Bookings of the tools, vehicles and spaces coops share with each other. */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller()
export class BookingsController {
  constructor(
    private readonly handlers: BookingHandlers,
    private readonly bookings: BookingsQueries,
    private readonly admitted: AdmittedCoops,
  ) {}

  @Recording('resources/:id/bookings', {
    summary:
      'Book a shared resource for the caller’s coop, from `from` to `to` (excluded): 409 `booking_overlaps`',
    created: BookingIdResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('coop-admin')
  async book(
    @Param('id', ParseUUIDPipe) resourceId: string,
    @Body() dto: BookDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: CommandMeta,
  ): Promise<BookingIdResponse> {
    return this.handlers.book(resourceId, await this.admitted.coopOf(actor), dto, meta);
  }

  @Get('resources/:id/bookings')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary:
      'A resource’s bookings (not cancelled) meeting the range `from`–`to`, earliest first; paged',
  })
  @ApiOkResponse({ type: BookingPage })
  @ApiProblems(400, 401, 403)
  async list(
    @Param('id', ParseUUIDPipe) resourceId: string,
    @Query() query: BookingsQuery,
  ): Promise<BookingPage> {
    return this.bookings.ofResource(resourceId, query);
  }

  @Delete('bookings/:id')
  @HttpCode(204)
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Cancel a booking: only the coop that booked it may' })
  @ApiNoContentResponse({ description: 'cancelled' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async cancel(
    @Param('id', ParseUUIDPipe) bookingId: string,
    @CurrentActor() actor: Actor,
    @Meta() meta: CommandMeta,
  ): Promise<void> {
    await this.handlers.cancel(bookingId, await this.admitted.coopOf(actor), meta);
  }
}
