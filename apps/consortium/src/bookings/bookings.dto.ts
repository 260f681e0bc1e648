import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { MAX_PAGE_SIZE, PageQuery } from '@libs/api-conventions';

const instant = (what: string) =>
  IsDateString({ strict: true }, { message: `${what} must be an ISO 8601 date-time` });

export class BookDto {
  @ApiProperty({ format: 'date-time', example: '2027-04-01T09:00:00Z', maxLength: 40 })
  @instant('from')
  @MaxLength(40)
  from!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2027-04-01T12:00:00Z',
    maxLength: 40,
    description: 'excluded: the next booking may start at this instant',
  })
  @instant('to')
  @MaxLength(40)
  to!: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  bookingId?: string;
}

export class BookingsQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    description: 'bookings that end after this instant',
  })
  @IsOptional()
  @instant('from')
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    description: 'bookings that start before this instant',
  })
  @IsOptional()
  @instant('to')
  @MaxLength(40)
  to?: string;
}

export class BookingIdResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  bookingId!: string;
}

export class BookingResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) bookingId!: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) resourceId!: string;
  @ApiProperty({ maxLength: 63, description: 'the coop that shares the resource' })
  ownerCoopId!: string;
  @ApiProperty({ maxLength: 63, description: 'the coop that booked it' })
  bookingCoopId!: string;
  @ApiProperty({ format: 'date-time', maxLength: 24 }) from!: string;
  @ApiProperty({ format: 'date-time', maxLength: 24 }) to!: string;
}

export class BookingPage {
  @ApiProperty({ type: [BookingResponse], maxItems: MAX_PAGE_SIZE })
  items!: BookingResponse[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 400 })
  nextCursor!: string | null;
}
