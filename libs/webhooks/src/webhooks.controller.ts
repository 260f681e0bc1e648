import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Query,
  Type,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQuery, RedactedInStoredAnswer } from '@libs/api-conventions';
import { Actor, CurrentActor, Role, Roles } from '@libs/auth';
import { ApiProblems, Recording } from '@libs/http';
import {
  CreateWebhookDto,
  DeliveryPage,
  WebhookCreatedResponse,
  WebhookPage,
} from './webhooks.dto';
import { WebhookSubscriptions } from './webhook-subscriptions';

/** `/webhooks` for the roles that manage an app's webhooks (the board, a coop's admin). */
export function webhooksController(...roles: Role[]): Type<unknown> {
  @ApiTags('webhooks')
  @ApiBearerAuth()
  @Controller('webhooks')
  class WebhooksController {
    constructor(private readonly subscriptions: WebhookSubscriptions) {}

    @Recording(undefined, {
      summary:
        'Subscribe a URL to events: deliveries are signed (Standard Webhooks) with the secret answered here, once',
      created: WebhookCreatedResponse,
      problems: [400, 401, 403],
    })
    @Roles(...roles)
    @RedactedInStoredAnswer('secret')
    create(
      @Body() dto: CreateWebhookDto,
      @CurrentActor() actor: Actor,
    ): Promise<WebhookCreatedResponse> {
      return this.subscriptions.create(dto, actor);
    }

    @Get()
    @Roles(...roles)
    @ApiOperation({ summary: 'The webhooks, oldest first (never their secrets)' })
    @ApiOkResponse({ type: WebhookPage })
    @ApiProblems(400, 401, 403)
    list(@Query() query: PageQuery): Promise<WebhookPage> {
      return this.subscriptions.list(query);
    }

    @Delete(':id')
    @HttpCode(204)
    @Roles(...roles)
    @ApiOperation({ summary: 'Delete a webhook: nothing more is sent to it, its log goes too' })
    @ApiNoContentResponse({ description: 'deleted' })
    @ApiProblems(400, 401, 403, 404)
    async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
      await this.subscriptions.remove(id);
    }

    @Get(':id/deliveries')
    @Roles(...roles)
    @ApiOperation({
      summary:
        'What was sent to a webhook: each delivery, its attempts (time, status code or error), its next attempt',
    })
    @ApiOkResponse({ type: DeliveryPage })
    @ApiProblems(400, 401, 403, 404)
    deliveries(
      @Param('id', ParseUUIDPipe) id: string,
      @Query() query: PageQuery,
    ): Promise<DeliveryPage> {
      return this.subscriptions.deliveries(id, query);
    }
  }
  return WebhooksController;
}
