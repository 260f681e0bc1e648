import { Inject, Injectable } from '@nestjs/common';
import {
  CoopProfileEvent,
  coopStream,
  isCoopId,
  PROFILE_AGGREGATE,
  REGISTRY_ID,
} from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { CommandMeta, today } from '@libs/api-conventions';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ConsortiumLegalForm } from '@libs/rules';
import { CommandBus } from '@nestjs/cqrs';
import { RegistryChange } from './registry.command-handler';
import { CONSORTIUM_FORM } from '../consortium-form';
import { AdmitCoopDto } from './admission.dto';
import { coopApplication } from './coop-application';

@Injectable()
export class AdmissionService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSORTIUM_FORM) private readonly consortiumForm: ConsortiumLegalForm,
  ) {}

  async admit(coopId: string, dto: AdmitCoopDto, meta: CommandMeta) {
    const application = await this.application(coopId);
    if (!application.legalForm)
      throw new NotFound(`no coop ${coopId} has described itself to the federation`);
    return this.commandBus.execute(
      new RegistryChange(
        REGISTRY_ID,
        {
          type: 'AdmitCoop',
          coopId,
          legalForm: application.legalForm,
          applied: application.applied,
          bundleKey: application.bundleKey,
          admittedOn: dto.admittedOn ?? today(),
          by: meta.actor,
          override: dto.override ? { reason: dto.override.reason } : null,
          consortiumForm: this.consortiumForm,
        },
        meta,
        { aboutCoop: coopId },
      ),
    );
  }

  /** The coop's side, read from its own profile stream: the source of truth, never a copy. */
  async application(coopId: string) {
    if (!isCoopId(coopId)) throw new NotFound(`no coop ${coopId}`);
    const events: CoopProfileEvent[] = [];
    for await (const event of this.store.readStream(
      coopStream(coopId, PROFILE_AGGREGATE, coopId),
    )) {
      events.push(event as unknown as CoopProfileEvent);
    }
    return coopApplication(events);
  }
}
