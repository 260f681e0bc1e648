import { IsOptional } from 'class-validator';
import { IsoDay } from '@libs/api-conventions';

export class PooledMeansQuery {
  @IsOptional()
  @IsoDay({
    required: false,
    description:
      'the pooled means as the board could have seen them at the end of this day (UTC): events recorded up to it; default: today',
  })
  asOf?: string;
}
