import { Body, Controller, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import { CommandMeta, etag, HeaderReply, Meta } from '@libs/api-conventions';
import { Recording } from '@libs/http';
import { OfferTrainingHandler } from './offer-training.handler';
import { HoursPriceDto, OfferTrainingDto, TrainingIdResponse } from './trainings.dto';

/** Trainings the coop offers the federation's other coops (they enrol through the consortium). */
@ApiTags('trainings')
@ApiExtraModels(HoursPriceDto)
@ApiBearerAuth()
@Controller('trainings')
export class TrainingsController {
  constructor(private readonly offer: OfferTrainingHandler) {}

  @Recording(undefined, {
    summary: 'Offer a training to the other coops: places, hours per participant, price',
    created: TrainingIdResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async create(
    @Body() dto: OfferTrainingDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<TrainingIdResponse> {
    const { trainingId, version } = await this.offer.execute(dto, meta);
    reply.header('ETag', etag(version));
    return { trainingId };
  }
}
