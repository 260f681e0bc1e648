import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseHundredths, Theme } from '@libs/contracts';
import { InvalidInput } from '@libs/http';
import { CommandMeta, today } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { ExchangeChange } from './exchange.command-handler';
import { AdmittedCoops } from '../admitted-coops';
import { CoopsQueries } from '../registry';

import { ConfirmationResponse, ExchangeIdResponse, GiveHoursDto } from './exchanges.dto';

/** `POST /exchanges` and its confirmation: one stream per exchange. */
@Injectable()
export class ExchangeHandlers {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly admitted: AdmittedCoops,
    private readonly coops: CoopsQueries,
  ) {}

  async give(
    fromCoopId: string,
    dto: GiveHoursDto,
    meta: CommandMeta,
  ): Promise<ExchangeIdResponse> {
    const exchangeId = dto.exchangeId ?? randomUUID();
    await this.commandBus.execute(
      new ExchangeChange(
        exchangeId,
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
        { aboutCoop: fromCoopId },
      ),
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
    await this.commandBus.execute(
      new ExchangeChange(exchangeId, { type: 'ConfirmHours', byCoopId, confirmedOn }, meta, {
        aboutCoop: byCoopId,
      }),
    );
    return { exchangeId, confirmedOn };
  }
}
