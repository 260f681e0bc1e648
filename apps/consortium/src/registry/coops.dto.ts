import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@libs/api-conventions';
import { COOP_STATUSES, CoopStatus } from './member-coop';

export class CoopsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COOP_STATUSES })
  @IsOptional()
  @IsIn(COOP_STATUSES)
  status?: CoopStatus;
}
