import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /health`: 200 when the event store and the database answer, else 503 naming what is down. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
