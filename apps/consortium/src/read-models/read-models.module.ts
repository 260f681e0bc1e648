import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PartialViewsInterceptor } from './partial-views.interceptor';
import { ReadModelsController } from './read-models.controller';

/**
 * The views' freshness and wholeness, from the projection runner (global, from
 * ProjectionsModule): `GET /read-models`, and the `Parked-Events` header on the routes that read
 * a view with parked events.
 */
@Module({
  controllers: [ReadModelsController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: PartialViewsInterceptor }],
})
export class ReadModelsModule {}
