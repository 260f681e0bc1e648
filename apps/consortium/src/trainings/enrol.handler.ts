import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Theme } from '@libs/contracts';
import { CommandMeta, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { EnrolmentsChange } from './enrolments.command-handler';

import { EnrolDto, EnrolmentIdResponse } from './trainings.dto';
import { TrainingsQueries } from './trainings.queries';

/**
 * Enough attempts for every client of a full room: each one lets at least one enrolment through
 * or finds the training full, so twenty at once settle within twenty.
 */
const ENROLMENT_ATTEMPTS = 25;

/**
 * `POST /trainings/{id}/enrolments`: one stream per training holds its enrolments, so that the
 * expected-version check decides them one at a time and the places are never exceeded.
 */
@Injectable()
export class EnrolHandler {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly trainings: TrainingsQueries,
  ) {}

  async execute(
    trainingId: string,
    enrollingCoopId: string,
    dto: EnrolDto,
    meta: CommandMeta,
  ): Promise<EnrolmentIdResponse> {
    const training = await this.trainings.offered(trainingId);
    const enrolmentId = dto.enrolmentId ?? randomUUID();
    const { state } = await this.commandBus.execute(
      new EnrolmentsChange(
        trainingId,
        {
          type: 'Enrol',
          training: {
            trainingId,
            providerCoopId: training.coopId,
            places: training.places,
            hours: Number(training.hours),
            theme: training.theme as Theme,
            month: training.startsAt.slice(0, 7),
          },
          enrolmentId,
          enrollingCoopId,
          participants: dto.participants,
          enrolledOn: today(),
        },
        meta,
        { aboutCoop: enrollingCoopId, ...{ maxAttempts: ENROLMENT_ATTEMPTS } },
      ),
    );
    return { enrolmentId, placesLeft: training.places - state.enrolled };
  }
}
