import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { PooledMeansController } from './pooled-means.controller';
import { PooledMeansQueries } from './pooled-means.queries';
import { POOLED_MEANS_READ_SIDE } from './pooled-means.read-side';

@Module({
  imports: [ProjectionsModule.forFeature(POOLED_MEANS_READ_SIDE)],
  controllers: [PooledMeansController],
  providers: [PooledMeansQueries],
  exports: [PooledMeansQueries],
})
export class PooledMeansModule {}
