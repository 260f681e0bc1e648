import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CoopApplicationQuery } from '../coop-application.query';
import { COOP_ID } from '../coop-id';
import { CoopProfileHandler } from './coop-profile.command-handler';
import { ApplicationStatus } from './coop-profile.decider';

@QueryHandler(CoopApplicationQuery)
export class CoopApplicationHandler implements IQueryHandler<CoopApplicationQuery> {
  constructor(
    private readonly profile: CoopProfileHandler,
    @Inject(COOP_ID) private readonly coopId: string,
  ) {}

  async execute(): Promise<ApplicationStatus> {
    return (await this.profile.current(this.coopId)).state.application;
  }
}
