import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { parseHundredths, ResourceTerms } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import {
  CommandMeta,
  DEFAULT_PAGE_SIZE,
  MoneyDto,
  Page,
  PageQuery,
  PageCursor,
  pageOf,
  today,
  resourceView,
  ResourceView,
} from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { ResourceChange } from './resource.command-handler';

import { ResourceRow } from './resource.entity';

import { ResourceTermsDto, ShareResourceDto } from './resources.dto';

const RESOURCES_CURSOR = new PageCursor<string>('resources');

@Injectable()
export class ResourcesService {
  constructor(
    private readonly commandBus: CommandBus,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async share(dto: ShareResourceDto, meta: CommandMeta) {
    const resourceId = dto.resourceId ?? randomUUID();
    const result = await this.commandBus.execute(
      new ResourceChange(
        resourceId,
        {
          type: 'ShareResource',
          resourceId,
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? null,
          themes: dto.themes ?? [],
          terms: terms(dto.terms),
          sharedOn: today(),
        },
        meta,
        { creates: true },
      ),
    );
    return { resourceId, version: result.version };
  }

  withdraw(resourceId: string, meta: CommandMeta) {
    return this.commandBus.execute(
      new ResourceChange(resourceId, { type: 'WithdrawResource', withdrawnOn: today() }, meta),
    );
  }

  /** The resources on offer (withdrawn ones are history, not offers). */
  async list(query: PageQuery): Promise<Page<ResourceView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = RESOURCES_CURSOR.read(query.cursor);
    const rows = await this.db
      .getRepository(ResourceRow)
      .createQueryBuilder('r')
      .where({ withdrawnOn: IsNull() })
      .andWhere(after ? 'r.resource_id > :after' : 'TRUE', { after })
      .orderBy('r.resource_id')
      .limit(limit + 1)
      .getMany();
    return pageOf(rows, limit, resourceView, (row) => row.resourceId, RESOURCES_CURSOR);
  }
}

/** Terms as the event records them; a price's currency must match its terms. */
function terms(dto: ResourceTermsDto): ResourceTerms {
  switch (dto.type) {
    case 'free':
      return { type: 'free' };
    case 'hours':
      return { type: 'hours', hours: parseHundredths(dto.hours!)! };
    case 'at_cost':
    case 'sol': {
      const price = MoneyDto.toMoney(dto.price!);
      const currency = dto.type === 'sol' ? 'SOL' : 'EUR';
      if (price.unit !== currency) {
        throw new RuleViolation(
          'terms_currency',
          `${dto.type} terms are priced in ${currency}, not ${price.unit}`,
        );
      }
      return { type: dto.type, price };
    }
  }
}
