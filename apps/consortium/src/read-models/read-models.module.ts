import { Module } from '@nestjs/common';
import { ReadModelsController } from './read-models.controller';

/** The views' freshness, from the projection runner (global, from ProjectionsModule). */
@Module({ controllers: [ReadModelsController] })
export class ReadModelsModule {}
