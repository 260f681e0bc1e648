import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EXCHANGE_AGGREGATE, parseHundredths, Theme } from '@libs/contracts';
import { InvalidInput } from '@libs/http';
import { CommandMeta, today } from '@libs/api-conventions';
import { ConsortiumCommands } from '../consortium-commands';
import { AdmittedCoops } from '../registry';
import { CoopsQueries } from '../registry';
import { exchangeDecider } from './exchange.decider';
import { ConfirmationResponse, ExchangeIdResponse, GiveHoursDto } from './exchanges.dto';

/** `POST /exchanges` and its confirmation: one stream per exchange. */
@Injectable()
export class ExchangeHandlers {
  constructor(
    private readonly commands: ConsortiumCommands,
    private readonly admitted: AdmittedCoops,
    private readonly coops: CoopsQueries,
  ) {}

  async give(
    fromCoopId: string,
    dto: GiveHoursDto,
    meta: CommandMeta,
  ): Promise<ExchangeIdResponse> {
    const exchangeId = dto.exchangeId ?? randomUUID();
    await this.commands.run(
      EXCHANGE_AGGREGATE,
      exchangeId,
      exchangeDecider,
      {
        type: 'GiveHours',
        exchangeId,
        fromCoopId,
        toCoopId: dto.toCoopId,
        hours: parseHundredths(dto.hours)!,
        kind: dto.kind,
        theme: dto.theme ?? (await this.themeOf(fromCoopId)),
        on: dto.on,
        note: dto.note ?? null,
        receiverAdmitted: await this.admitted.isMember(dto.toCoopId),
      },
      meta,
      fromCoopId,
    );
    return { exchangeId };
  }

  /** Hours given with no theme count under the giving coop's first one, if it has described any. */
  private async themeOf(coopId: string): Promise<Theme> {
    const [theme] = (await this.coops.one(coopId)).themes;
    if (theme === undefined) {
      throw new InvalidInput([
        { field: 'theme', message: 'is needed: the giving coop has described no theme of its own' },
      ]);
    }
    return theme;
  }

  async confirm(
    exchangeId: string,
    byCoopId: string,
    meta: CommandMeta,
  ): Promise<ConfirmationResponse> {
    const confirmedOn = today();
    await this.commands.run(
      EXCHANGE_AGGREGATE,
      exchangeId,
      exchangeDecider,
      { type: 'ConfirmHours', byCoopId, confirmedOn },
      meta,
      byCoopId,
    );
    return { exchangeId, confirmedOn };
  }
}
