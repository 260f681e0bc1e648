import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseHundredths } from '@libs/contracts';
import { CommandMeta, MoneyDto, today } from '@libs/api-conventions';
import { NotFound } from '@libs/aggregates';
import { InvalidInput } from '@libs/http';
import { CommandBus } from '@nestjs/cqrs';
import { ProjectChange, ProjectHandler } from './project.command-handler';
import { ProjectContactVault } from './project-contact.vault';
import { ProjectCommand } from './project.decider';
import {
  ChangeStageDto,
  FundsDto,
  GraduationDto,
  OpenProjectDto,
  ProjectIdResponse,
  RecordedIdResponse,
  SupportDto,
} from './projects.dto';

/** The board's commands on the projects the consortium incubates: one stream per project. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projectHandler: ProjectHandler,
    private readonly commandBus: CommandBus,
    private readonly contacts: ProjectContactVault,
  ) {}

  async open(dto: OpenProjectDto, meta: CommandMeta): Promise<ProjectIdResponse> {
    const projectId = randomUUID();
    const sealed = dto.contact
      ? await this.contacts.seal(projectId, {
          name: dto.contact.name,
          email: dto.contact.email ?? null,
        })
      : null;
    try {
      await this.run(
        projectId,
        {
          type: 'Open',
          projectId,
          name: dto.name,
          themes: dto.themes,
          territory: dto.territory,
          stage: dto.stage,
          on: dto.on ?? today(),
          contact: sealed?.sealed ?? null,
        },
        meta,
      );
    } catch (refused) {
      await sealed?.discard();
      throw refused;
    }
    return { projectId };
  }

  async changeStage(projectId: string, dto: ChangeStageDto, meta: CommandMeta): Promise<void> {
    await this.run(projectId, { type: 'ChangeStage', stage: dto.stage, on: dto.on }, meta);
  }

  async support(
    projectId: string,
    dto: SupportDto,
    meta: CommandMeta,
  ): Promise<RecordedIdResponse> {
    if ((dto.hours === undefined) === (dto.amount === undefined)) {
      throw new InvalidInput([
        { field: 'hours', message: 'give either hours or amount, not both' },
      ]);
    }
    const supportId = randomUUID();
    await this.run(
      projectId,
      {
        type: 'Support',
        supportId,
        kind: dto.kind,
        hours: dto.hours === undefined ? null : parseHundredths(dto.hours),
        amount: dto.amount ? MoneyDto.toMoney(dto.amount) : null,
        byCoopId: dto.byCoopId ?? null,
        on: dto.on ?? today(),
      },
      meta,
      dto.byCoopId ?? null,
    );
    return { id: supportId };
  }

  async moveFunds(
    projectId: string,
    dto: FundsDto,
    meta: CommandMeta,
  ): Promise<RecordedIdResponse> {
    const movementId = randomUUID();
    await this.run(
      projectId,
      {
        type: 'MoveFunds',
        movementId,
        direction: dto.direction,
        amount: MoneyDto.toMoney(dto.amount),
        on: dto.on,
        counterpart: dto.counterpart,
      },
      meta,
    );
    return { id: movementId };
  }

  /** Destroys the contact's key first: whatever happens next, they no longer open. */
  async eraseContact(projectId: string, meta: CommandMeta): Promise<void> {
    const { state } = await this.projectHandler.current(projectId);
    if (state.projectId === null) throw new NotFound(`no project ${projectId}`);
    await this.contacts.erase(projectId);
    await this.run(projectId, { type: 'EraseContact', on: today() }, meta);
  }

  async graduate(projectId: string, dto: GraduationDto, meta: CommandMeta): Promise<void> {
    await this.run(
      projectId,
      { type: 'Graduate', coopId: dto.coopId, legalForm: dto.legalForm, on: dto.on ?? today() },
      meta,
      dto.coopId,
    );
  }

  private async run(
    projectId: string,
    command: ProjectCommand,
    meta: CommandMeta,
    aboutCoop: string | null = null,
  ): Promise<void> {
    await this.commandBus.execute(new ProjectChange(projectId, command, meta, { aboutCoop }));
  }
}
