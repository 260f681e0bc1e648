import { Module } from '@nestjs/common';
import { OfferTrainingHandler } from './offer-training.handler';
import { TrainingsController } from './trainings.controller';
import { TrainingHandler } from './training.command-handler';

@Module({ controllers: [TrainingsController], providers: [TrainingHandler, OfferTrainingHandler] })
export class TrainingsModule {}
