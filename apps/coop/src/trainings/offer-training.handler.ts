import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseHundredths, TrainingPrice } from '@libs/contracts';
import { CommandMeta, MoneyDto, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { TrainingChange } from './training.command-handler';

import { HoursPriceDto, OfferTrainingDto } from './trainings.dto';

/** `POST /trainings`: the coop offers a training to the other coops of the federation. */
@Injectable()
export class OfferTrainingHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async execute(dto: OfferTrainingDto, meta: CommandMeta) {
    const trainingId = dto.trainingId ?? randomUUID();
    const { version } = await this.commandBus.execute(
      new TrainingChange(
        trainingId,
        {
          type: 'OfferTraining',
          now: new Date(),
          trainingId,
          title: dto.title,
          theme: dto.theme,
          // One way of writing an instant in the events: what the readers compare and sort.
          startsAt: new Date(dto.startsAt).toISOString(),
          hours: parseHundredths(dto.hours)!,
          places: dto.places,
          price: priceOf(dto.price),
          language: dto.language,
          offeredOn: today(),
        },
        meta,
        { creates: true },
      ),
    );
    return { trainingId, version };
  }
}

function priceOf(price: MoneyDto | HoursPriceDto | null): TrainingPrice {
  if (price === null) return { type: 'free' };
  if (price instanceof HoursPriceDto)
    return { type: 'hours', hours: parseHundredths(price.hours)! };
  return { type: 'money', amount: MoneyDto.toMoney(price) };
}
