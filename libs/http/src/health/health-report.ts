import { ApiProperty } from '@nestjs/swagger';

export type ComponentStatus = 'up' | 'down';

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ enum: ['up', 'down'] })
  eventStore!: ComponentStatus;

  @ApiProperty({ enum: ['up', 'down'] })
  database!: ComponentStatus;
}
