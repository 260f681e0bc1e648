import { Module } from '@nestjs/common';
import { PooledMeansController } from './pooled-means.controller';
import { PooledMeansQueries } from './pooled-means.queries';

@Module({
  controllers: [PooledMeansController],
  providers: [PooledMeansQueries],
  exports: [PooledMeansQueries],
})
export class PooledMeansModule {}
