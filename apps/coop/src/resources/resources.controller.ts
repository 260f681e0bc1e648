import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import {
  CommandMeta,
  etag,
  Meta,
  Page,
  PageOf,
  PageQuery,
  ResourceResponse,
  ResourceView,
  HeaderReply,
} from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';

import { ResourceIdResponse, ShareResourceDto } from './resources.dto';
import { ResourcesService } from './resources.service';

/** What the coop shares with the federation: equipment, vehicles, spaces, skills. */
@ApiTags('resources')
@ApiBearerAuth()
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Recording(undefined, {
    summary: 'Share a resource with the federation, on its terms',
    created: ResourceIdResponse,
    headers: ['ETag'],
    problems: [400, 401, 403, 409, 422],
  })
  @Roles('coop-admin')
  async share(
    @Body() dto: ShareResourceDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ResourceIdResponse> {
    const { resourceId, version } = await this.resources.share(dto, meta);
    reply.header('ETag', etag(version));
    return { resourceId };
  }

  @Get()
  @Roles('coop-admin', 'auditor')
  @ApiOperation({ summary: 'The resources the coop has on offer' })
  @ApiOkResponse({ type: PageOf(ResourceResponse) })
  @ApiProblems(400, 401, 403)
  list(@Query() query: PageQuery): Promise<Page<ResourceView>> {
    return this.resources.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('coop-admin')
  @ApiOperation({ summary: 'Withdraw a resource from the federation' })
  @ApiNoContentResponse({ description: 'withdrawn' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async withdraw(@Param('id', ParseUUIDPipe) id: string, @Meta() meta: CommandMeta): Promise<void> {
    await this.resources.withdraw(id, meta);
  }
}
