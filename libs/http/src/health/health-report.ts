import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectionRole } from '@libs/projections';

export type ComponentStatus = 'up' | 'down';

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ enum: ['up', 'down'] })
  eventStore!: ComponentStatus;

  @ApiProperty({ enum: ['up', 'down'] })
  database!: ComponentStatus;

  @ApiPropertyOptional({
    enum: ['leader', 'follower'],
    description:
      'Whether this replica runs the projections (leader) or leaves them to another (follower); absent in an app without projections',
  })
  projections?: ProjectionRole;
}
