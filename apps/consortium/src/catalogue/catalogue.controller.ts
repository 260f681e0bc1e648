import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueItemResponse } from './catalogue.response';
import { Roles } from '@libs/auth';
import { Page, PageOf } from '@libs/api-conventions';
import { ApiProblems } from '@libs/http';
import { CatalogueQuery } from './catalogue.dto';
import { CatalogueItem, CatalogueQueries } from './catalogue.queries';

@ApiTags('resources')
@ApiBearerAuth()
@Controller('resources')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueQueries) {}

  /** Coop admins of any coop may browse what the federation offers: the one read open to them here. */
  @Get()
  @Roles('board-member', 'auditor', 'coop-admin')
  @ApiOperation({
    summary: 'Every resource on offer in the federation, oldest first, paged',
    description:
      'Resources shared by coops admitted to the consortium and not withdrawn; filter by `kind` and `theme`.',
  })
  @ApiProblems(400, 401, 403)
  @ApiOkResponse({ type: PageOf(CatalogueItemResponse) })
  list(@Query() query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    return this.catalogue.list(query);
  }
}
