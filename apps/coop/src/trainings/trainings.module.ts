import { Module } from '@nestjs/common';
import { OfferTrainingHandler } from './offer-training.handler';
import { TrainingsController } from './trainings.controller';

@Module({ controllers: [TrainingsController], providers: [OfferTrainingHandler] })
export class TrainingsModule {}
